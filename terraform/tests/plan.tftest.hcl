# `terraform test` plans against a mocked AWS provider: no credentials and no network, but the provider must be
# installed (terraform init) and the function zips built (the plan hashes them). It shows that the whole configuration
# plans, and that the GPU instance's requirements stop a plan rather than an apply.

mock_provider "aws" {
  mock_data "aws_ami" {
    defaults = { id = "ami-0123456789abcdef0", architecture = "x86_64" }
  }
  mock_data "aws_ec2_instance_type" {
    defaults = { instance_type = "g6e.xlarge", default_vcpus = 4, gpus = [{ count = 1, manufacturer = "NVIDIA", name = "L40S", memory_size = 46068 }] }
  }
  mock_data "aws_servicequotas_service_quota" {
    defaults = { value = 8, quota_name = "Running On-Demand G and VT instances", quota_code = "L-DB2E81BA" }
  }
  # Mocked strings are random, but these must parse: policies as JSON, the region and the proxy ARN by their shape.
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
  mock_data "aws_region" {
    defaults = { name = "us-east-1" }
  }
  mock_resource "aws_db_proxy" {
    defaults = { arn = "arn:aws:rds:us-east-1:111122223333:db-proxy:prx-0123456789abcdef0" }
  }
}

# For the whole configuration; the runs of the inference module alone take the second group.
variables {
  vpc_id             = "vpc-0123456789abcdef0"
  private_subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  inference_ami_id   = "ami-0123456789abcdef0"

  name                     = "pgenrm-test"
  subnet_ids               = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  client_security_group_id = "sg-0123456789abcdef0"
  instance_type            = "g6e.xlarge"
  model_id                 = "Qwen/Qwen3-8B"
  vllm_image               = "vllm/vllm-openai:v0.8.5"
  ami_id                   = "ami-0123456789abcdef0"
}

run "self_hosted_deployment_plans" {
  command = plan

  assert {
    condition     = length(output.function_alias_arns) == 17
    error_message = "every function of the state machines, and storedEvaluation, has a live alias"
  }
}

# An external endpoint instead of the GPU instance: the functions that call the model reach it over HTTPS.
run "external_endpoint_deployment_plans" {
  command = plan

  variables {
    inference_base_url = "https://inference.example.com/v1"
    inference_ami_id   = null
  }

  assert {
    condition     = length(output.function_alias_arns) == 17
    error_message = "the same functions without the GPU instance"
  }
}

# The inference module alone, so that its data sources can be named as the expected failures.
run "missing_ami" {
  command = plan
  module {
    source = "./modules/inference"
  }
  variables {
    ami_id = null
  }
  expect_failures = [data.aws_ami.vllm]
}

run "arm_ami" {
  command = plan
  module {
    source = "./modules/inference"
  }
  override_data {
    target = data.aws_ami.vllm
    values = { id = "ami-0123456789abcdef0", architecture = "arm64" }
  }
  expect_failures = [data.aws_ami.vllm]
}

run "instance_type_without_gpu" {
  command = plan
  module {
    source = "./modules/inference"
  }
  variables {
    instance_type = "m7i.xlarge"
  }
  override_data {
    target = data.aws_ec2_instance_type.vllm
    values = { instance_type = "m7i.xlarge", default_vcpus = 4, gpus = [] }
  }
  expect_failures = [data.aws_ec2_instance_type.vllm]
}

run "gpu_quota_below_one_instance" {
  command = plan
  module {
    source = "./modules/inference"
  }
  override_data {
    target = data.aws_servicequotas_service_quota.gpu_vcpus
    values = { value = 0, quota_name = "Running On-Demand G and VT instances", quota_code = "L-DB2E81BA" }
  }
  expect_failures = [data.aws_servicequotas_service_quota.gpu_vcpus]
}

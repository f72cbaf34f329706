locals {
  self_hosted = var.base_url == null
  count       = local.self_hosted ? 1 : 0
  vllm_port   = 8000

  # EC2 meters GPU instances by an On-Demand vCPU quota per family, which a new account often has at 0: then the
  # instance would fail only at the end of a long apply. Codes of the Service Quotas service "ec2".
  gpu_vcpu_quota_codes = {
    g  = "L-DB2E81BA" # Running On-Demand G and VT instances
    vt = "L-DB2E81BA"
    p  = "L-417A185B" # Running On-Demand P instances
  }
  gpu_vcpu_quota_code = lookup(local.gpu_vcpu_quota_codes, regex("^[a-z]+", var.instance_type), null)
}

# Everything the GPU instance needs is checked while planning, so a missing AMI, a type without a GPU or too small a
# quota stops `terraform plan` instead of failing the apply after the database and the functions were created.

# A lookup that finds no such image (wrong id, another region, not shared with this account) fails the plan.
data "aws_ami" "vllm" {
  count = local.count

  include_deprecated = true
  filter {
    name   = "image-id"
    values = [var.ami_id]
  }

  lifecycle {
    precondition {
      condition     = var.ami_id != null
      error_message = "inference_ami_id is required when inference_base_url is not set."
    }
    postcondition {
      condition     = self.architecture == "x86_64"
      error_message = "inference_ami_id ${var.ami_id} is ${self.architecture}; the GPU instance types here need an x86_64 AMI."
    }
  }
}

data "aws_ec2_instance_type" "vllm" {
  count = local.count

  instance_type = var.instance_type

  lifecycle {
    postcondition {
      condition     = length(self.gpus) > 0
      error_message = "inference_instance_type ${var.instance_type} has no GPU; vLLM needs an NVIDIA GPU (e.g. g6e.xlarge)."
    }
  }
}

# The quota is per account and region and covers every running instance of the family, so other instances can still
# use it up; this catches the common case of a quota below one instance.
data "aws_servicequotas_service_quota" "gpu_vcpus" {
  count = local.self_hosted && local.gpu_vcpu_quota_code != null ? 1 : 0

  service_code = "ec2"
  quota_code   = local.gpu_vcpu_quota_code

  lifecycle {
    postcondition {
      condition     = self.value >= data.aws_ec2_instance_type.vllm[0].default_vcpus
      error_message = "The On-Demand vCPU quota ${self.quota_name} (${self.quota_code}) is ${self.value}; ${var.instance_type} needs ${data.aws_ec2_instance_type.vllm[0].default_vcpus}. Request an increase in Service Quotas, or set inference_base_url."
    }
  }
}

resource "aws_security_group" "lb" {
  count = local.count

  name_prefix = "${var.name}-inference-lb-"
  description = "Internal load balancer in front of vLLM"
  vpc_id      = var.vpc_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "lb_from_functions" {
  count = local.count

  security_group_id            = aws_security_group.lb[0].id
  description                  = "HTTP from pgenrm functions"
  ip_protocol                  = "tcp"
  from_port                    = var.listener_port
  to_port                      = var.listener_port
  referenced_security_group_id = var.client_security_group_id
}

resource "aws_vpc_security_group_egress_rule" "lb_to_instance" {
  count = local.count

  security_group_id            = aws_security_group.lb[0].id
  description                  = "vLLM port on the GPU instance"
  ip_protocol                  = "tcp"
  from_port                    = local.vllm_port
  to_port                      = local.vllm_port
  referenced_security_group_id = aws_security_group.instance[0].id
}

resource "aws_security_group" "instance" {
  count = local.count

  name_prefix = "${var.name}-inference-"
  description = "vLLM GPU instance"
  vpc_id      = var.vpc_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "instance_from_lb" {
  count = local.count

  security_group_id            = aws_security_group.instance[0].id
  description                  = "vLLM from the internal load balancer"
  ip_protocol                  = "tcp"
  from_port                    = local.vllm_port
  to_port                      = local.vllm_port
  referenced_security_group_id = aws_security_group.lb[0].id
}

# Image pull, model download and SSM, through NAT.
resource "aws_vpc_security_group_egress_rule" "instance_https" {
  count = local.count

  security_group_id = aws_security_group.instance[0].id
  description       = "HTTPS for container image, model weights and SSM"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "instance" {
  count = local.count

  name_prefix        = "${var.name}-inference-"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

# Shell access through Session Manager only: no key pair, no SSH ingress.
resource "aws_iam_role_policy_attachment" "ssm" {
  count = local.count

  role       = aws_iam_role.instance[0].name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

data "aws_iam_policy_document" "hf_token" {
  count = local.self_hosted && var.hf_token_secret_arn != null ? 1 : 0

  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.hf_token_secret_arn]
  }
}

resource "aws_iam_role_policy" "hf_token" {
  count = length(data.aws_iam_policy_document.hf_token)

  name   = "${var.name}-hf-token"
  role   = aws_iam_role.instance[0].id
  policy = data.aws_iam_policy_document.hf_token[0].json
}

resource "aws_iam_instance_profile" "instance" {
  count = local.count

  name_prefix = "${var.name}-inference-"
  role        = aws_iam_role.instance[0].name
}

resource "aws_instance" "vllm" {
  count = local.count

  ami                    = data.aws_ami.vllm[0].id
  instance_type          = data.aws_ec2_instance_type.vllm[0].instance_type
  subnet_id              = var.subnet_ids[0]
  vpc_security_group_ids = [aws_security_group.instance[0].id]
  iam_instance_profile   = aws_iam_instance_profile.instance[0].name

  user_data = templatefile("${path.module}/user_data.sh.tftpl", {
    image               = var.vllm_image
    model_id            = var.model_id
    max_model_len       = var.max_model_len
    port                = local.vllm_port
    hf_token_secret_arn = var.hf_token_secret_arn == null ? "" : var.hf_token_secret_arn
  })
  user_data_replace_on_change = true

  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }

  root_block_device {
    volume_size = var.root_volume_gb
    volume_type = "gp3"
    encrypted   = true
  }

  tags = {
    Name = "${var.name}-vllm"
  }
}

resource "aws_lb" "this" {
  count = local.count

  name_prefix        = "pgrm-"
  internal           = true
  load_balancer_type = "application"
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.lb[0].id]
  # A judge generation can take minutes.
  idle_timeout               = 600
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "vllm" {
  count = local.count

  name_prefix = "vllm-"
  port        = local.vllm_port
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = "instance"

  health_check {
    path                = "/health"
    matcher             = "200"
    interval            = 30
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_target_group_attachment" "vllm" {
  count = local.count

  target_group_arn = aws_lb_target_group.vllm[0].arn
  target_id        = aws_instance.vllm[0].id
  port             = local.vllm_port
}

# Plain HTTP inside the VPC only; add an HTTPS listener with an ACM certificate if policy requires TLS in transit.
resource "aws_lb_listener" "http" {
  count = local.count

  load_balancer_arn = aws_lb.this[0].arn
  port              = var.listener_port
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.vllm[0].arn
  }
}

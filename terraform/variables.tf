variable "region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "Short environment name (dev, staging, prod); part of every resource name."
  type        = string
  default     = "dev"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be 2-16 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "tags" {
  description = "Extra tags applied to every resource."
  type        = map(string)
  default     = {}
}

variable "vpc_id" {
  description = "Existing VPC for the database, the VPC-attached functions and the self-hosted inference server."
  type        = string
}

variable "private_subnet_ids" {
  description = "At least two private subnets in different AZs. Functions that call AWS APIs or an external inference URL from here need a NAT gateway or VPC endpoints."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "Aurora and RDS Proxy need subnets in at least two availability zones."
  }
}

variable "runtime_mode" {
  description = "jvm: java21 zips with SnapStart; native: provided.al2023 zips holding a Quarkus native bootstrap."
  type        = string
  default     = "jvm"

  validation {
    condition     = contains(["jvm", "native"], var.runtime_mode)
    error_message = "runtime_mode must be jvm or native."
  }
}

variable "artifacts_dir" {
  description = "Directory holding one <module>/target/function.zip per Maven function module; defaults to the repository's functions/ directory."
  type        = string
  default     = null
}

variable "function_memory_mb" {
  description = "Lambda memory in MB per function group (inference, compute, database)."
  type        = map(number)
  default = {
    inference = 1024
    compute   = 1024
    database  = 1024
  }
}

variable "function_timeout_seconds" {
  description = "Lambda timeout in seconds per function group; must stay below the Task TimeoutSeconds in the ASL (330 for inference, 30 for planSamples, 60 otherwise)."
  type        = map(number)
  default = {
    inference = 300
    compute   = 25
    database  = 50
  }

  validation {
    condition     = var.function_timeout_seconds["inference"] < 330 && var.function_timeout_seconds["compute"] < 30 && var.function_timeout_seconds["database"] < 60
    error_message = "Lambda timeouts must stay below the ASL TimeoutSeconds (inference < 330, compute < 30, database < 60)."
  }
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention for the functions and the state machines."
  type        = number
  default     = 30
}

variable "sample_max_concurrency" {
  description = "MaxConcurrency of the per-evaluation sample Map (Ind-N + Pro-M samples in flight)."
  type        = number
  default     = 8
}

variable "item_max_concurrency" {
  description = "MaxConcurrency of the batch Distributed Map (benchmark items evaluated at once)."
  type        = number
  default     = 20
}

variable "sfn_log_execution_data" {
  description = "Whether state machine logs include inputs and outputs (user histories): keep false outside debugging."
  type        = bool
  default     = false
}

variable "batch_bucket_kms_key_arn" {
  description = "Customer managed KMS key for the batch bucket; null uses SSE-S3 (AES256)."
  type        = string
  default     = null
}

variable "db_engine_version" {
  description = "Aurora PostgreSQL engine version."
  type        = string
  default     = "16.6"
}

variable "db_min_acu" {
  description = "Aurora Serverless v2 minimum capacity in ACUs."
  type        = number
  default     = 0.5
}

variable "db_max_acu" {
  description = "Aurora Serverless v2 maximum capacity in ACUs."
  type        = number
  default     = 8
}

variable "db_instance_count" {
  description = "Number of db.serverless instances (1 writer, the rest readers)."
  type        = number
  default     = 1
}

variable "db_deletion_protection" {
  description = "Protect the Aurora cluster from deletion."
  type        = bool
  default     = true
}

variable "inference_base_url" {
  description = "An existing OpenAI-compatible endpoint (e.g. https://host/v1); null deploys vLLM on a GPU instance behind an internal load balancer."
  type        = string
  default     = null
}

variable "inference_model" {
  description = "Model id sent to the inference endpoint and, when self-hosted, served by vLLM."
  type        = string
  default     = "Qwen/Qwen3-8B"
}

variable "inference_api_key_secret_arn" {
  description = "Optional Secrets Manager secret holding the inference API key; the functions may read only this secret."
  type        = string
  default     = null
}

variable "inference_instance_type" {
  description = "GPU instance type for the self-hosted vLLM server."
  type        = string
  default     = "g6e.xlarge"
}

variable "inference_ami_id" {
  description = "AMI for the vLLM server: a GPU AMI with NVIDIA drivers, Docker and the NVIDIA container toolkit (e.g. an AWS Deep Learning Base GPU AMI). Required when self-hosting."
  type        = string
  default     = null
}

variable "vllm_image" {
  description = "vLLM OpenAI-compatible server container image, pinned to a tag."
  type        = string
  default     = "vllm/vllm-openai:v0.8.5"
}

variable "hf_token_secret_arn" {
  description = "Optional Secrets Manager secret with a Hugging Face token, for gated models on the self-hosted server."
  type        = string
  default     = null
}

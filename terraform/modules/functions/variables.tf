variable "name" {
  description = "Name prefix for every resource."
  type        = string
}

variable "runtime_mode" {
  description = "jvm (java21 + SnapStart) or native (provided.al2023 with a Quarkus native bootstrap)."
  type        = string
}

variable "artifacts_dir" {
  description = "Directory containing <module>/target/function.zip for each Maven function module."
  type        = string
}

variable "memory_mb" {
  description = "Memory in MB per function group: inference, compute, database."
  type        = map(number)
}

variable "timeout_seconds" {
  description = "Timeout in seconds per function group: inference, compute, database."
  type        = map(number)
}

variable "log_retention_days" {
  description = "Retention of each function's CloudWatch log group."
  type        = number
}

variable "subnet_ids" {
  description = "Private subnets for VPC-attached functions."
  type        = list(string)
}

variable "security_group_id" {
  description = "Security group of the VPC-attached functions."
  type        = string
}

variable "inference_in_vpc" {
  description = "Attach the inference group to the VPC (needed to reach a self-hosted internal endpoint)."
  type        = bool
}

variable "llm_base_url" {
  description = "OpenAI-compatible base URL (PGENRM_LLM_BASE_URL)."
  type        = string
}

variable "llm_model" {
  description = "Model id (PGENRM_LLM_MODEL)."
  type        = string
}

variable "llm_api_key_secret_arn" {
  description = "Optional Secrets Manager secret with the inference API key; only the inference group may read it."
  type        = string
  default     = null
}

variable "db_host" {
  description = "RDS Proxy endpoint."
  type        = string
}

variable "db_port" {
  description = "PostgreSQL port."
  type        = number
}

variable "db_name" {
  description = "Database name."
  type        = string
}

variable "db_user" {
  description = "Database user the functions authenticate as with an IAM token."
  type        = string
}

variable "db_connect_arn" {
  description = "rds-db:connect resource ARN (proxy resource id and user)."
  type        = string
}

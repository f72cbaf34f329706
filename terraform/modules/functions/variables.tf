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

variable "artifacts_bucket" {
  description = "Versioned bucket the function zips are uploaded to (Lambda creates the functions from there)."
  type        = string
}

variable "memory_mb" {
  description = "Memory in MB per function group: inference, compute, database, population."
  type        = map(number)
}

variable "timeout_seconds" {
  description = "Timeout in seconds per function group: inference, compute, database, population."
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

variable "security_group_ids" {
  description = "Security groups per VPC-attached function group: inference, database and population."
  type        = map(list(string))
}

variable "judge_backend" {
  description = "PGENRM_BACKEND of every function: llm or local. Every group gets the same value."
  type        = string
}

variable "llm_format" {
  description = "PGENRM_LLM_FORMAT of every function: staged or chain."
  type        = string
}

variable "llm_prompt_set" {
  description = "PGENRM_LLM_PROMPT_SET of every function: default or paper."
  type        = string
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
  description = "Optional Secrets Manager secret with the inference API key; only the inference group may read it, and only its ARN is passed (PGENRM_LLM_API_KEY_SECRET_ARN)."
  type        = string
  default     = null
}

variable "llm_api_key_kms_key_arn" {
  description = "Customer managed KMS key of the API key secret, if any: the inference group may decrypt with it via Secrets Manager."
  type        = string
  default     = null
}

variable "secrets_extension_layer_arn" {
  description = "AWS Parameters and Secrets Lambda Extension layer; attached to the inference group in native mode when an API key secret is used."
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
  description = "Database user the functions authenticate as with an RDS IAM token (PGENRM_DB_USER)."
  type        = string
}

variable "db_connect_arn" {
  description = "rds-db:connect resource ARN (proxy resource id and user)."
  type        = string
}

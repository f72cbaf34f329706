variable "name" {
  description = "Name prefix for every resource."
  type        = string
}

variable "runtime_mode" {
  description = "jvm (java21 + SnapStart) or native (provided.al2023 with a Quarkus native bootstrap)."
  type        = string
}

variable "package_path" {
  description = "Path of the reward-api module's built function.zip."
  type        = string
}

variable "artifacts_bucket" {
  description = "Versioned bucket the zip is uploaded to (Lambda creates the function from there)."
  type        = string
}

variable "memory_mb" {
  description = "Lambda memory in MB. One environment runs a whole request: every group's evaluation at once, waiting on the model (llm) or computing (local)."
  type        = number
}

variable "timeout_seconds" {
  description = "Lambda timeout in seconds; above reward_deadline_seconds so a request always answers, with per-item errors for groups still running."
  type        = number
}

variable "reward_deadline_seconds" {
  description = "pgenrm.reward.deadline in seconds: a request answers by then (OpenRLHF waits 180 s)."
  type        = number
}

variable "max_in_flight" {
  description = "pgenrm.max-in-flight: judge calls one environment has in flight at once."
  type        = number
}

variable "reserved_concurrency" {
  description = "Environments that may run at once (null: the account's unreserved pool). Bounds the load on the model and the database."
  type        = number
}

variable "log_retention_days" {
  description = "Retention of the function's CloudWatch log group."
  type        = number
}

variable "subnet_ids" {
  description = "Private subnets: the function reads users and prototypes through RDS Proxy."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the function: reach to the proxy, and to the model (internal load balancer, or HTTPS out)."
  type        = list(string)
}

variable "judge_backend" {
  description = "PGENRM_BACKEND: llm or local."
  type        = string
}

variable "llm_format" {
  description = "PGENRM_LLM_FORMAT: staged or chain."
  type        = string
}

variable "llm_prompt_set" {
  description = "PGENRM_LLM_PROMPT_SET: default or paper."
  type        = string
}

variable "llm_base_url" {
  description = "OpenAI-compatible base URL of the model."
  type        = string
}

variable "llm_model" {
  description = "Model id sent to the endpoint."
  type        = string
}

variable "llm_api_key_secret_arn" {
  description = "Secrets Manager ARN of the model's API key, read at run time; null when the endpoint needs none."
  type        = string
}

variable "llm_api_key_kms_key_arn" {
  description = "Customer managed KMS key encrypting that secret, if any (null: AWS managed key)."
  type        = string
}

variable "db_host" {
  description = "RDS Proxy endpoint."
  type        = string
}

variable "db_port" {
  description = "RDS Proxy port."
  type        = number
}

variable "db_name" {
  description = "Database name."
  type        = string
}

variable "db_user" {
  description = "Database user the IAM token is signed for."
  type        = string
}

variable "db_connect_arn" {
  description = "rds-db:connect resource ARN of db_user on the proxy."
  type        = string
}

variable "invoker_principal_arns" {
  description = "IAM principals (the trainers' roles) allowed to call the function URL; the URL accepts SigV4-signed requests only."
  type        = list(string)
}

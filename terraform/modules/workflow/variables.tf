variable "name" {
  description = "Name prefix for every resource."
  type        = string
}

variable "statemachine_dir" {
  description = "Directory holding evaluate.asl.json, evaluate-batch.asl.json and build-population.asl.json."
  type        = string
}

variable "function_arns" {
  description = "Alias ARN of each function by key (local.functions of the functions module)."
  type        = map(string)
}

variable "batch_bucket_name" {
  description = "Bucket holding batch inputs and results."
  type        = string
}

variable "batch_bucket_arn" {
  description = "ARN of the batch bucket."
  type        = string
}

variable "batch_bucket_kms_arn" {
  description = "KMS key of the batch bucket when SSE-KMS is used, else null."
  type        = string
  default     = null
}

variable "input_prefix" {
  description = "Key prefix the batch machine may read."
  type        = string
}

variable "results_prefix" {
  description = "Key prefix the batch machine writes results under."
  type        = string
}

variable "sample_max_concurrency" {
  description = "MaxConcurrency of the per-evaluation sample Map."
  type        = number
}

variable "item_max_concurrency" {
  description = "MaxConcurrency of the batch Distributed Map."
  type        = number
}

variable "population_batch_max_concurrency" {
  description = "MaxConcurrency of the build-population Distributed Maps (batches of users in flight; each induces pgenrm.max-in-flight personas at once)."
  type        = number
}

variable "log_retention_days" {
  description = "Retention of the state machines' log groups."
  type        = number
}

variable "log_execution_data" {
  description = "Include execution inputs and outputs in the logs."
  type        = bool
}

variable "log_level" {
  description = "Step Functions log level: ALL, ERROR, FATAL or OFF."
  type        = string
  default     = "ERROR"
}

variable "alarm_topic_arn" {
  description = "SNS topic notified when an execution of either state machine fails or times out; null creates no alarms."
  type        = string
  default     = null
}

variable "name" {
  description = "Name prefix; the bucket names are generated from it."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for SSE-KMS of the batch bucket; null uses SSE-S3 (AES256). The artifacts bucket always uses SSE-S3."
  type        = string
  default     = null
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete non-empty buckets."
  type        = bool
  default     = false
}

variable "noncurrent_version_days" {
  description = "Days after which noncurrent object versions expire."
  type        = number
  default     = 30
}

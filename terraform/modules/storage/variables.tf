variable "name" {
  description = "Name prefix; the bucket name is generated from it."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for SSE-KMS; null uses SSE-S3 (AES256)."
  type        = string
  default     = null
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete a non-empty bucket."
  type        = bool
  default     = false
}

variable "noncurrent_version_days" {
  description = "Days after which noncurrent object versions expire."
  type        = number
  default     = 30
}

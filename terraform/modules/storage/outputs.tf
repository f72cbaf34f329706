output "bucket_name" {
  description = "Batch bucket name."
  value       = aws_s3_bucket.batch.id
}

output "bucket_arn" {
  description = "Batch bucket ARN."
  value       = aws_s3_bucket.batch.arn
}

output "input_prefix" {
  description = "Prefix for batch JSONL inputs."
  value       = local.input_prefix
}

output "results_prefix" {
  description = "Prefix for Distributed Map results."
  value       = local.results_prefix
}

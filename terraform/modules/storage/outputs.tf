output "bucket_name" {
  description = "Batch bucket name."
  value       = aws_s3_bucket.this["batch"].id
}

output "bucket_arn" {
  description = "Batch bucket ARN."
  value       = aws_s3_bucket.this["batch"].arn
}

output "input_prefix" {
  description = "Prefix for batch JSONL inputs."
  value       = local.input_prefix
}

output "results_prefix" {
  description = "Prefix for Distributed Map results."
  value       = local.results_prefix
}

output "artifacts_bucket_name" {
  description = "Bucket for the function zips, read from the versioning resource so that no zip is uploaded before versioning is on (Lambda is given each zip's version id)."
  value       = aws_s3_bucket_versioning.this["artifacts"].bucket
}

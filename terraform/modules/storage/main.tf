locals {
  input_prefix   = "batches/input/"
  results_prefix = "batches/results/"

  # batch: JSONL inputs and Distributed Map results (user data; SSE-KMS with kms_key_arn). artifacts: the function
  # zips Lambda creates the functions from, since they exceed Lambda's 50 MB direct upload; SSE-S3, so whoever applies
  # needs no key to upload them and Lambda none to copy them. Both private, versioned and TLS only.
  buckets = {
    batch     = { kms_key_arn = var.kms_key_arn }
    artifacts = { kms_key_arn = null }
  }
}

# The batch bucket had single-instance addresses before the artifacts bucket joined it; an earlier apply (even a
# failed one) may have created it there.
moved {
  from = aws_s3_bucket.batch
  to   = aws_s3_bucket.this["batch"]
}

moved {
  from = aws_s3_bucket_ownership_controls.batch
  to   = aws_s3_bucket_ownership_controls.this["batch"]
}

moved {
  from = aws_s3_bucket_public_access_block.batch
  to   = aws_s3_bucket_public_access_block.this["batch"]
}

moved {
  from = aws_s3_bucket_versioning.batch
  to   = aws_s3_bucket_versioning.this["batch"]
}

moved {
  from = aws_s3_bucket_server_side_encryption_configuration.batch
  to   = aws_s3_bucket_server_side_encryption_configuration.this["batch"]
}

moved {
  from = aws_s3_bucket_lifecycle_configuration.batch
  to   = aws_s3_bucket_lifecycle_configuration.this["batch"]
}

moved {
  from = aws_s3_bucket_policy.batch
  to   = aws_s3_bucket_policy.this["batch"]
}

resource "aws_s3_bucket" "this" {
  for_each = local.buckets

  bucket_prefix = "${var.name}-${each.key}-"
  force_destroy = var.force_destroy
}

resource "aws_s3_bucket_ownership_controls" "this" {
  for_each = local.buckets

  bucket = aws_s3_bucket.this[each.key].id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each = local.buckets

  bucket                  = aws_s3_bucket.this[each.key].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = local.buckets

  bucket = aws_s3_bucket.this[each.key].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = local.buckets

  bucket = aws_s3_bucket.this[each.key].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = each.value.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = each.value.kms_key_arn
    }
    bucket_key_enabled = each.value.kms_key_arn != null
  }
}

# Replaced versions (older inputs, older function zips) expire; a published Lambda version keeps its own copy of the
# code, so expiring a zip never breaks a deployed function.
resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = local.buckets

  bucket = aws_s3_bucket.this[each.key].id

  rule {
    id     = "expire-noncurrent"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

data "aws_iam_policy_document" "tls_only" {
  for_each = local.buckets

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this[each.key].arn, "${aws_s3_bucket.this[each.key].arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  for_each = local.buckets

  bucket = aws_s3_bucket.this[each.key].id
  policy = data.aws_iam_policy_document.tls_only[each.key].json

  # A policy put before the public access block exists can be rejected as public.
  depends_on = [aws_s3_bucket_public_access_block.this]
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

# Log delivery and X-Ray actions do not support resource-level permissions.
data "aws_iam_policy_document" "observability" {
  statement {
    sid = "LogDelivery"
    actions = [
      "logs:CreateLogDelivery",
      "logs:GetLogDelivery",
      "logs:UpdateLogDelivery",
      "logs:DeleteLogDelivery",
      "logs:ListLogDeliveries",
      "logs:PutResourcePolicy",
      "logs:DescribeResourcePolicies",
      "logs:DescribeLogGroups",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "Tracing"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "evaluate" {
  name_prefix        = "${var.name}-sfn-eval-"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "evaluate" {
  source_policy_documents = [data.aws_iam_policy_document.observability.json]

  statement {
    sid     = "InvokeEvaluateFunctions"
    actions = ["lambda:InvokeFunction"]
    # The ASL names the live alias ARNs, so exactly those: not $LATEST, not another version or alias.
    resources = [for key in local.evaluate_functions : var.function_arns[key]]
  }
}

resource "aws_iam_role_policy" "evaluate" {
  name   = "${var.name}-sfn-evaluate"
  role   = aws_iam_role.evaluate.id
  policy = data.aws_iam_policy_document.evaluate.json
}

resource "aws_iam_role" "build" {
  name_prefix        = "${var.name}-sfn-build-"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "build" {
  source_policy_documents = [data.aws_iam_policy_document.observability.json]

  statement {
    sid       = "InvokeBuildFunctions"
    actions   = ["lambda:InvokeFunction"]
    resources = [for key in local.build_functions : var.function_arns[key]]
  }

  # Its Distributed Maps start child executions of this same state machine.
  statement {
    sid       = "DistributedMapChildren"
    actions   = ["states:StartExecution"]
    resources = ["${local.states_arn}:stateMachine:${local.build_name}"]
  }

  statement {
    sid     = "DistributedMapChildrenControl"
    actions = ["states:DescribeExecution", "states:StopExecution"]
    resources = [
      "${local.states_arn}:execution:${local.build_name}:*",
      "${local.states_arn}:execution:${local.build_name}/*",
    ]
  }
}

resource "aws_iam_role_policy" "build" {
  name   = "${var.name}-sfn-build"
  role   = aws_iam_role.build.id
  policy = data.aws_iam_policy_document.build.json
}

resource "aws_iam_role" "batch" {
  name_prefix        = "${var.name}-sfn-batch-"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "batch" {
  source_policy_documents = [data.aws_iam_policy_document.observability.json]

  statement {
    sid       = "InvokeBatchFunctions"
    actions   = ["lambda:InvokeFunction"]
    resources = [for key in local.batch_functions : var.function_arns[key]]
  }

  statement {
    sid       = "ReadBatchInput"
    actions   = ["s3:GetObject"]
    resources = ["${var.batch_bucket_arn}/${var.input_prefix}*"]
  }

  statement {
    sid       = "WriteBatchResults"
    actions   = ["s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"]
    resources = ["${var.batch_bucket_arn}/${var.results_prefix}*"]
  }

  dynamic "statement" {
    for_each = var.batch_bucket_kms_arn == null ? [] : [1]
    content {
      sid       = "BatchBucketKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [var.batch_bucket_kms_arn]
    }
  }

  # The Distributed Map starts child executions of this same state machine.
  statement {
    sid       = "DistributedMapChildren"
    actions   = ["states:StartExecution"]
    resources = ["${local.states_arn}:stateMachine:${local.batch_name}"]
  }

  statement {
    sid     = "DistributedMapChildrenControl"
    actions = ["states:DescribeExecution", "states:StopExecution"]
    resources = [
      "${local.states_arn}:execution:${local.batch_name}:*",
      "${local.states_arn}:execution:${local.batch_name}/*",
    ]
  }

  statement {
    sid       = "NestedEvaluate"
    actions   = ["states:StartExecution"]
    resources = [aws_sfn_state_machine.evaluate.arn, aws_sfn_state_machine.build.arn]
  }

  statement {
    sid     = "NestedEvaluateControl"
    actions = ["states:DescribeExecution", "states:StopExecution"]
    resources = [
      "${local.states_arn}:execution:${local.evaluate_name}:*",
      "${local.states_arn}:execution:${local.build_name}:*",
    ]
  }

  # StartExecution.sync:2 waits on this managed EventBridge rule.
  statement {
    sid       = "SyncRule"
    actions   = ["events:PutTargets", "events:PutRule", "events:DescribeRule"]
    resources = ["arn:${data.aws_partition.current.partition}:events:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"]
  }
}

resource "aws_iam_role_policy" "batch" {
  name   = "${var.name}-sfn-batch"
  role   = aws_iam_role.batch.id
  policy = data.aws_iam_policy_document.batch.json
}

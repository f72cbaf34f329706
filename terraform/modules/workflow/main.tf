data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  evaluate_name = "${var.name}-evaluate"
  batch_name    = "${var.name}-evaluate-batch"
  build_name    = "${var.name}-build-population"
  states_arn    = "arn:${data.aws_partition.current.partition}:states:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}"

  evaluate_functions = ["resolve-history", "induce-persona", "match-prototype", "plan-samples", "generate-rubric", "score-samples", "record-sample-failure", "aggregate-scores"]
  batch_functions    = ["register-history-row", "prepare-benchmark-item", "record-benchmark-item"]
  build_functions    = ["start-population", "induce-personas", "fit-prototypes", "assign-prototypes", "publish-population"]

  evaluate_definition = templatefile("${var.statemachine_dir}/evaluate.asl.json", {
    resolve_history_arn       = var.function_arns["resolve-history"]
    induce_persona_arn        = var.function_arns["induce-persona"]
    match_prototype_arn       = var.function_arns["match-prototype"]
    plan_samples_arn          = var.function_arns["plan-samples"]
    generate_rubric_arn       = var.function_arns["generate-rubric"]
    score_samples_arn         = var.function_arns["score-samples"]
    record_sample_failure_arn = var.function_arns["record-sample-failure"]
    aggregate_scores_arn      = var.function_arns["aggregate-scores"]
    sample_max_concurrency    = var.sample_max_concurrency
  })

  build_definition = templatefile("${var.statemachine_dir}/build-population.asl.json", {
    start_population_arn   = var.function_arns["start-population"]
    induce_personas_arn    = var.function_arns["induce-personas"]
    fit_prototypes_arn     = var.function_arns["fit-prototypes"]
    assign_prototypes_arn  = var.function_arns["assign-prototypes"]
    publish_population_arn = var.function_arns["publish-population"]
    batch_max_concurrency  = var.population_batch_max_concurrency
  })

  batch_definition = templatefile("${var.statemachine_dir}/evaluate-batch.asl.json", {
    register_history_row_arn           = var.function_arns["register-history-row"]
    prepare_benchmark_item_arn         = var.function_arns["prepare-benchmark-item"]
    record_benchmark_item_arn          = var.function_arns["record-benchmark-item"]
    evaluate_state_machine_arn         = aws_sfn_state_machine.evaluate.arn
    build_population_state_machine_arn = aws_sfn_state_machine.build.arn
    batch_bucket                       = var.batch_bucket_name
    results_prefix                     = var.results_prefix
    item_max_concurrency               = var.item_max_concurrency
  })
}

# /aws/vendedlogs/ keeps the CloudWatch Logs resource policy small when many log groups are delivered to.
resource "aws_cloudwatch_log_group" "evaluate" {
  name              = "/aws/vendedlogs/states/${local.evaluate_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "build" {
  name              = "/aws/vendedlogs/states/${local.build_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "batch" {
  name              = "/aws/vendedlogs/states/${local.batch_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_sfn_state_machine" "evaluate" {
  name       = local.evaluate_name
  type       = "STANDARD"
  role_arn   = aws_iam_role.evaluate.arn
  definition = local.evaluate_definition

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.evaluate.arn}:*"
    include_execution_data = var.log_execution_data
    level                  = var.log_level
  }

  tracing_configuration {
    enabled = true
  }

  depends_on = [aws_iam_role_policy.evaluate]
}

resource "aws_sfn_state_machine" "build" {
  name       = local.build_name
  type       = "STANDARD"
  role_arn   = aws_iam_role.build.arn
  definition = local.build_definition

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.build.arn}:*"
    include_execution_data = var.log_execution_data
    level                  = var.log_level
  }

  tracing_configuration {
    enabled = true
  }

  depends_on = [aws_iam_role_policy.build]
}

resource "aws_sfn_state_machine" "batch" {
  name       = local.batch_name
  type       = "STANDARD"
  role_arn   = aws_iam_role.batch.arn
  definition = local.batch_definition

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.batch.arn}:*"
    include_execution_data = var.log_execution_data
    level                  = var.log_level
  }

  tracing_configuration {
    enabled = true
  }

  depends_on = [aws_iam_role_policy.batch]
}

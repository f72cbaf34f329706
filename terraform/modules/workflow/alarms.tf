locals {
  # A failed batch row fails its nested evaluate execution, so every machine is watched.
  alarmed_machines = var.alarm_topic_arn == null ? {} : {
    evaluate = aws_sfn_state_machine.evaluate.arn
    batch    = aws_sfn_state_machine.batch.arn
    build    = aws_sfn_state_machine.build.arn
  }
  alarmed_metrics = toset(["ExecutionsFailed", "ExecutionsTimedOut"])
}

resource "aws_cloudwatch_metric_alarm" "executions" {
  for_each = {
    for pair in setproduct(keys(local.alarmed_machines), local.alarmed_metrics) : "${pair[0]}-${pair[1]}" => {
      machine = pair[0]
      metric  = pair[1]
    }
  }

  alarm_name          = "${var.name}-${each.value.machine}-${lower(each.value.metric)}"
  alarm_description   = "${each.value.metric} of the ${each.value.machine} state machine in the last 5 minutes."
  namespace           = "AWS/States"
  metric_name         = each.value.metric
  dimensions          = { StateMachineArn = local.alarmed_machines[each.value.machine] }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
  ok_actions          = [var.alarm_topic_arn]
}

output "evaluate_state_machine_arn" {
  description = "ARN of the single-evaluation state machine."
  value       = aws_sfn_state_machine.evaluate.arn
}

output "batch_state_machine_arn" {
  description = "ARN of the batch state machine."
  value       = aws_sfn_state_machine.batch.arn
}

output "build_population_state_machine_arn" {
  description = "ARN of the population-building state machine."
  value       = aws_sfn_state_machine.build.arn
}

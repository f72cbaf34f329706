output "function_url" {
  description = "The reward API's URL (IAM auth: SigV4-signed requests of the invoker principals only)."
  value       = aws_lambda_function_url.reward_api.function_url
}

output "alias_arn" {
  description = "ARN of the live alias the URL serves."
  value       = aws_lambda_alias.live.arn
}

output "alias_arns" {
  description = "Qualified ARN of the live alias of every function, by function key."
  value       = { for key, alias in aws_lambda_alias.live : key => alias.arn }
}

output "function_arns" {
  description = "Unqualified ARN of every function, by function key."
  value       = { for key, f in aws_lambda_function.function : key => f.arn }
}

output "exports" {
  description = "Funqy export of every function, by function key."
  value       = { for key, f in local.functions : key => f.export }
}

variable "name" {
  description = "Name prefix for every resource."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cluster and the proxy."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets (at least two AZs) for the cluster and the proxy."
  type        = list(string)
}

variable "client_security_group_id" {
  description = "Security group of the functions: the only source allowed to reach the proxy on 5432."
  type        = string
}

variable "engine_version" {
  description = "Aurora PostgreSQL engine version."
  type        = string
}

variable "database_name" {
  description = "Initial database name."
  type        = string
  default     = "pgenrm"
}

variable "master_username" {
  description = "Master user name; its password is generated and kept in Secrets Manager by RDS."
  type        = string
  default     = "pgenrm_admin"
}

variable "min_acu" {
  description = "Serverless v2 minimum ACUs."
  type        = number
}

variable "max_acu" {
  description = "Serverless v2 maximum ACUs."
  type        = number
}

variable "instance_count" {
  description = "Number of db.serverless instances."
  type        = number
}

variable "deletion_protection" {
  description = "Protect the cluster from deletion; a final snapshot is always taken."
  type        = bool
}

variable "backup_retention_days" {
  description = "Automated backup retention in days."
  type        = number
  default     = 7
}

variable "proxy_max_connections_percent" {
  description = "Share of the cluster's max_connections the proxy may open; bounds the database load from Lambda concurrency."
  type        = number
  default     = 80
}

// Generated from Mappings/*.map by BuiltinMappingsGenerator (Tests/UDMNormalizerTests).
// Do not edit; change the tables in Mappings/ and run: UDM_REGENERATE=1 swift test --filter BuiltinMappingsGeneratedFileTests

/// The text of the built-in mapping tables, in file-name order.
enum BuiltinMappings {
    static let files: [(name: String, text: String)] = [
        ("cloudtrail-digest.map", ####"""
# CloudTrail digest files -> one UDM event per file. A digest file lists the log files CloudTrail
# delivered in an hour with their hashes, so integrity checks can be searched beside the events.
# The reference table's logfile.* rows describe a log file; logFiles[0] fills them, and every
# entry of logFiles also lands in an about noun.
@log_type AWS_CLOUDTRAIL
@match exists digestEndTime and exists logFiles
@dedupe_key digestS3Object

"AMAZON" -> metadata.vendor_name
"AWS_CLOUDTRAIL" -> metadata.product_name
"AMAZON_WEB_SERVICES" -> principal.asset.attribute.cloud.environment
digestEndTime -> metadata.event_timestamp | timestamp               # the end of the period the digest covers
"GENERIC_EVENT" -> metadata.event_type
"CloudTrailDigest" -> metadata.product_event_type
"CloudTrail digest file" -> metadata.description
digestS3Object -> metadata.product_log_id                           # the digest's own S3 key identifies it

awsAccountId -> principal.cloud.project.id                          # [ref]
digestS3Bucket -> principal.cloud.project.parent                    # [ref]
digestS3Object -> principal.cloud.project.product_object_id         # [ref]

logFiles.0.hashValue -> src.file.sha256                             # [ref] logfile.hashValue
logFiles.0.s3Bucket -> target.file.full_path                        # [ref] logfile.s3Bucket
logFiles.0.s3Object -> src.file.full_path                           # [ref] logfile.s3Object
# [ref] logfile.newestEventTim(e) has no UDM field in the reference table; it is kept in the about nouns below.

logFiles[*].s3Object -> about[*].file.full_path
logFiles[*].hashValue -> about[*].file.sha256
logFiles[*].s3Bucket -> about[*].resource.name
logFiles[*].newestEventTime -> about[*].labels["newestEventTime"]
logFiles[*].oldestEventTime -> about[*].labels["oldestEventTime"]
logFiles[*].hashAlgorithm -> about[*].labels["hashAlgorithm"]

digestStartTime -> additional["digestStartTime"]
newestEventTime -> additional["newestEventTime"]
oldestEventTime -> additional["oldestEventTime"]
digestPublicKeyFingerprint -> additional["digestPublicKeyFingerprint"]
digestSignatureAlgorithm -> additional["digestSignatureAlgorithm"]
previousDigestS3Bucket -> additional["previousDigestS3Bucket"]
previousDigestS3Object -> additional["previousDigestS3Object"]
previousDigestHashValue -> additional["previousDigestHashValue"]
previousDigestHashAlgorithm -> additional["previousDigestHashAlgorithm"]
previousDigestSignature -> additional["previousDigestSignature"]
"""####),
        ("cloudtrail-event-types.map", ####"""
# CloudTrail event classification: metadata.event_type lookups used by cloudtrail.map.
#
# Precedence (highest first), as the rules in cloudtrail.map apply them:
#   1. the parser reference's "Product Event Types" table (keyed by eventName; its
#      AwsCloudTrailInsight row is keyed by eventType and lives in cloudtrail.map);
#   2. Google's documented rows, keyed by eventSource:eventName where Google names the service,
#      otherwise by eventName — added only where they do not contradict the reference table;
#   3. GENERIC_EVENT for everything else ("all others" in the reference table).
# Exact keys only: no prefix rules (DescribeTrails stays GENERIC_EVENT, as the reference sample shows).

# 1. The parser reference's table, row for row.
@lookup cloudtrail-event-types default empty
AuthorizeSecurityGroupEgress = RESOURCE_PERMISSIONS_CHANGE
AuthorizeSecurityGroupIngress = RESOURCE_PERMISSIONS_CHANGE
ChangePassword = USER_CHANGE_PASSWORD
ConsoleLogin = USER_LOGIN
CreateGrant = USER_RESOURCE_CREATION
CreateGroup = GROUP_CREATION
CreateKey = USER_RESOURCE_CREATION
CreateLogGroup = GROUP_CREATION
CreateUser = USER_CREATION
Decrypt = USER_RESOURCE_ACCESS
DeleteGroup = GROUP_DELETION
DeleteUser = USER_DELETION
DescribeInstances = USER_RESOURCE_ACCESS
DescribeInstanceStatus = USER_RESOURCE_ACCESS
DescribeKey = USER_RESOURCE_ACCESS
DescribeReservedCacheNodes = USER_RESOURCE_ACCESS
DescribeReservedDBInstances = USER_RESOURCE_ACCESS
DescribeReservedElasticsearchInstances = USER_RESOURCE_ACCESS
DescribeReservedInstances = USER_RESOURCE_ACCESS
DescribeReservedNodes = USER_RESOURCE_ACCESS
DescribeRouteTables = USER_RESOURCE_ACCESS
DescribeTags = USER_RESOURCE_ACCESS
Encrypt = USER_RESOURCE_ACCESS
ExitRole = USER_CHANGE_PERMISSIONS
GetSecretValue = USER_RESOURCE_ACCESS
ListAttachedRolePolicies = USER_RESOURCE_ACCESS
ListBuckets = USER_RESOURCE_ACCESS
ListDomainNames = USER_RESOURCE_ACCESS
ListObjects = USER_RESOURCE_ACCESS
ListRolePolicies = USER_RESOURCE_ACCESS
RemoveUserFromGroup = GROUP_MODIFICATION
RenewRole = USER_CHANGE_PERMISSIONS
RevokeSecurityGroupEgress = RESOURCE_PERMISSIONS_CHANGE
RevokeSecurityGroupIngress = RESOURCE_PERMISSIONS_CHANGE
SwitchRole = USER_CHANGE_PERMISSIONS
UpdateAssumeRolePolicy = RESOURCE_PERMISSIONS_CHANGE
UpdateGroup = GROUP_MODIFICATION
UpdateUser = USER_UNCATEGORIZED
@end

# 2a. Google's rows that name the service (AppConfig, EC2 Auto Scaling): keyed eventSource:eventName.
@lookup cloudtrail-service-event-types default empty
appconfig.amazonaws.com:GetApplication = RESOURCE_READ
appconfig.amazonaws.com:GetConfigurationProfile = RESOURCE_READ
appconfig.amazonaws.com:GetDeployment = RESOURCE_READ
appconfig.amazonaws.com:GetDeploymentStrategy = RESOURCE_READ
appconfig.amazonaws.com:GetEnvironment = RESOURCE_READ
appconfig.amazonaws.com:ListConfigurationProfiles = RESOURCE_READ
appconfig.amazonaws.com:ListExtensionAssociations = RESOURCE_READ
appconfig.amazonaws.com:ListHostedConfigurationVersions = RESOURCE_READ
autoscaling.amazonaws.com:AttachInstances = RESOURCE_PERMISSIONS_CHANGE
autoscaling.amazonaws.com:AttachLoadBalancerTargetGroups = RESOURCE_PERMISSIONS_CHANGE
@end

# 2b. Google's rows keyed by eventName alone (the TSV names no service for them).
# ConsoleLogin -> USER_LOGIN is also Google's; the reference table above already has it.
@lookup cloudtrail-google-event-types default empty
DeleteBackupPlan = RESOURCE_DELETION
CompleteLifecycleAction = STATUS_UPDATE
CreateAutoScalingGroup = RESOURCE_CREATION
CreateLaunchConfiguration = RESOURCE_CREATION
CreateOrUpdateTags = RESOURCE_CREATION
DeleteAutoScalingGroup = RESOURCE_DELETION
DeleteLaunchConfiguration = RESOURCE_DELETION
DeletePolicy = RESOURCE_DELETION
DeleteScheduledAction = RESOURCE_DELETION
DeregisterScalableTarget = RESOURCE_DELETION
DescribeAutoScalingGroups = RESOURCE_READ
DescribeAutoScalingInstances = RESOURCE_READ
DescribeInstanceRefreshes = RESOURCE_READ
DescribeLaunchConfigurations = RESOURCE_READ
DescribeLifecycleHooks = RESOURCE_READ
DescribeLoadBalancerTargetGroups = RESOURCE_READ
DescribeNotificationConfigurations = RESOURCE_READ
DescribePolicies = RESOURCE_READ
DescribeScalableTargets = RESOURCE_READ
DescribeScalingActivities = RESOURCE_READ
DescribeScalingPlans = RESOURCE_READ
DescribeScalingPolicies = RESOURCE_READ
@end

# Security-group rule protocols as CloudTrail writes them -> UDM network.ip_protocol.
# "-1" (all protocols) has no single UDM value, so a miss gives no value.
@lookup ip-protocols default empty
tcp = TCP
6 = TCP
udp = UDP
17 = UDP
icmp = ICMP
1 = ICMP
icmpv6 = ICMP6
58 = ICMP6
@end

# responseElements.securityGroupRuleSet.items[].isEgress -> network.direction.
@lookup egress-directions default empty
true = OUTBOUND
false = INBOUND
@end

# [added] The kind of resource a call acts on, by eventName -> target.resource.resource_type.
# The reference table types these calls USER_RESOURCE_* / RESOURCE_*, which require a described
# target.resource; calls such as ListBuckets or DescribeInstances (no ids) name none, and the kind
# of resource is then all that can be said of it.
@lookup cloudtrail-resource-types default empty
AuthorizeSecurityGroupEgress = FIREWALL_RULE
AuthorizeSecurityGroupIngress = FIREWALL_RULE
RevokeSecurityGroupEgress = FIREWALL_RULE
RevokeSecurityGroupIngress = FIREWALL_RULE
DescribeInstances = VIRTUAL_MACHINE
DescribeInstanceStatus = VIRTUAL_MACHINE
DescribeReservedInstances = VIRTUAL_MACHINE
DescribeReservedDBInstances = DATABASE
DescribeReservedCacheNodes = DATABASE
DescribeReservedNodes = DATABASE
DescribeRouteTables = VPC_NETWORK
ListBuckets = STORAGE_BUCKET
ListObjects = STORAGE_BUCKET
GetObject = STORAGE_OBJECT
PutObject = STORAGE_OBJECT
DeleteObject = STORAGE_OBJECT
GetSecretValue = CREDENTIAL
CreateAccessKey = CREDENTIAL
GetSessionToken = CREDENTIAL
ListAttachedRolePolicies = ACCESS_POLICY
ListRolePolicies = ACCESS_POLICY
UpdateAssumeRolePolicy = ACCESS_POLICY
AttachRolePolicy = ACCESS_POLICY
CreateRole = SERVICE_ACCOUNT
Invoke = FUNCTION
@end
"""####),
        ("cloudtrail.map", ####"""
# AWS CloudTrail events (management, data, network activity, service, console and Insights events)
# -> UDM. Digest files are in cloudtrail-digest.map; event types in cloudtrail-event-types.map.
#
# Precedence: the parser reference's "Sample Parsing" output first, then its field table, then
# Google's documented behaviour. Every field-table row is below, as a rule or as a comment saying
# why it is not one. Several rules writing one single-valued field: the first non-empty wins, so
# the order of rules is their priority. Tags in comments: [ref] field table row, [sample] the
# reference sample's observed output, [G] Google's parser, [added] ours (with the reason).
@log_type AWS_CLOUDTRAIL
@match exists eventVersion or exists eventSource or exists eventName or exists eventType or exists userIdentity or exists insightDetails
@eventbridge "AWS API Call via CloudTrail", "AWS Console Sign In via CloudTrail", "AWS Service Event via CloudTrail", "AWS Console Action via CloudTrail", "AWS Insight via CloudTrail"
@dedupe_key eventID                                                 # CloudTrail delivers at least once: the same eventID may arrive twice

# ---- On every event ---------------------------------------------------------------------------
"AMAZON" -> metadata.vendor_name
"AWS_CLOUDTRAIL" -> metadata.product_name                           # [sample]; Google's docs say "AWS CloudTrail", the sample wins
eventVersion -> metadata.product_version
"AMAZON_WEB_SERVICES" -> principal.asset.attribute.cloud.environment
"REMOTE" -> extensions.auth.mechanism | when exists userIdentity
eventTime -> metadata.event_timestamp | timestamp
eventID -> metadata.product_log_id                                  # [ref]
eventName -> metadata.product_event_type                            # [ref]
insightDetails.eventName -> metadata.product_event_type             # [ref] Insights events have no top-level eventName
eventType -> metadata.description                                   # [ref]
eventType -> additional["Event Type"]                               # [ref] additional.eventType; the sample names the key "Event Type"

# ---- Event type --------------------------------------------------------------------------------
"GROUP_MODIFICATION" -> metadata.event_type | when eventType == "AwsCloudTrailInsight"   # [ref] the table's AwsCloudTrailInsight row
eventName -> metadata.event_type | lookup cloudtrail-event-types                        # [ref]
eventSource + ":" + eventName -> metadata.event_type | lookup cloudtrail-service-event-types   # [G]
eventName -> metadata.event_type | lookup cloudtrail-google-event-types                 # [G]
"GENERIC_EVENT" -> metadata.event_type                                                  # [ref] "all others"

# ---- Console sign-in and the caller's own account ----------------------------------------------
# [G] For ConsoleLogin the signing-in user is the target. The reference's userIdentity.arn ->
# target.user.userid and userIdentity.userName -> target.user.user_display_name rows apply to these
# events only: on other calls the caller is the principal (the sample has no target.user). The
# same holds for the other events about the caller's own account, whose UDM types require target.user.
@when eventName in (ConsoleLogin, ChangePassword, SwitchRole, ExitRole, RenewRole)
userIdentity.arn -> target.user.userid                              # [ref] condition: the caller acts on itself
userIdentity.userName -> target.user.userid                         # [G] when there is no ARN (failed logins of unknown users)
userIdentity.userName -> target.user.user_display_name              # [ref] condition as above
userIdentity.sessionContext.sessionIssuer.userName -> target.user.user_display_name   # [added] role sessions without a user name
userIdentity.principalId -> target.user.userid                      # [added] the last identifier left when there is neither ARN nor user name
@end
@when eventName == "ConsoleLogin"
# Google's validator requires extensions.auth.type on USER_LOGIN. Federated sign-ins are SSO; a
# password sign-in fits none of MACHINE/SSO/VPN/PHYSICAL/TACACS, so it says AUTHTYPE_UNSPECIFIED,
# which is what Google's own parsers write for such logins. The mechanism (REMOTE) is set above.
"SSO" -> extensions.auth.type | when exists additionalEventData.SamlProviderArn or userIdentity.type in (SAMLUser, WebIdentityUser) or exists userIdentity.sessionContext.sessionIssuer.arn
"AUTHTYPE_UNSPECIFIED" -> extensions.auth.type
"Login to AWS Console succeeded." -> security_result.summary | when responseElements.ConsoleLogin == "Success"   # [G]
"BLOCK" -> security_result.action | when responseElements.ConsoleLogin == "Failure" or exists errorMessage        # [G]
"AUTH_VIOLATION" -> security_result.category | when responseElements.ConsoleLogin == "Failure" or exists errorMessage   # [G]
"Reason: " + errorMessage -> security_result.description            # [G] "Reason: Failed authentication"
@end
"MFAUsed: " + additionalEventData.MFAUsed -> extensions.auth.auth_details   # [ref] + [G] format
additionalEventData.LoginTo -> target.url                           # [ref]
additionalEventData.SamlProviderArn -> security_result.about.user_management_chain.userid   # [ref]

# ---- Principal: who made the call -------------------------------------------------------------
sourceIPAddress -> principal.ip[] | when is_ip                      # [ref] an address
sourceIPAddress -> principal.hostname | when not is_ip              # [sample] a service name such as securityhub.amazonaws.com
sourceIPAddress -> principal.asset.hostname | when not is_ip        # [sample]
requestParameters.granteePrincipal -> principal.hostname            # [ref] (KMS CreateGrant) when sourceIPAddress is an address
userIdentity.arn -> principal.user.userid                           # [ref] [sample]
userIdentity.invokedBy -> principal.user.userid | when missing userIdentity.arn   # [ref] condition: only a service caller without an ARN
puserId -> principal.user.userid                                    # [ref] as listed; no CloudTrail record has this field
userIdentity.userName -> principal.user.user_display_name           # [ref]
userIdentity.sessionContext.sessionIssuer.userName -> principal.user.user_display_name   # [ref] [sample] role sessions
userIdentity.principalId -> principal.user.product_object_id        # [ref] [sample]; Google's "userid copied to product_object_id" is contradicted by the sample
userIdentity.arn -> principal.user.employee_id | when userIdentity.type == "IAMUser"   # [ref] condition: an IAM user is a person's account; a role session (the sample) is not
readOnly -> principal.user.attribute.labels["readOnly"]             # [sample] the table's additional.readOnly is contradicted by the sample
userIdentity.sessionContext.attributes.mfaAuthenticated -> principal.user.attribute.labels["mfaAuthenticated"]   # [ref] principal.user.labels is not in the schema: attribute.labels is its home
userIdentity.arn -> principal.user.attribute.labels["ARN"]          # [ref] [sample]
userIdentity.accountId -> principal.user.group_identifiers          # [ref] [sample]
userIdentity.type -> principal.resource.type                        # [ref] [sample] (deprecated field, kept as the sample shows)
awsRegion -> principal.location.name                                # [ref]
userIdentity.accessKeyId -> additional["access_key_id"]             # [sample] the table's additional.accessKeyId (and Google's) is contradicted by the sample
userIdentity.sessionContext.sessionIssuer.arn -> security_result.about.user.userid   # [ref] [sample]
# Not mapped, contradicted by the sample (its assumed-role ARN produces none of these):
#   [G] userIdentity.arn role part -> principal.user.role_name / attribute.roles.name
#   [G] assumed-role ARN group part -> principal.user.groupid / extra group_identifiers
#   [G] recipientAccountId -> additional["recipientAccountId"]

# ---- Target: what was called and acted on -----------------------------------------------------
eventSource -> target.application                                   # [ref]
insightDetails.eventSource -> target.application                    # [ref]
requestID -> target.resource.attribute.labels["Request ID"]         # [ref] [sample]
recipientAccountId -> target.resource.attribute.labels["Recipient Account Id"]   # [ref] [sample]
resources.0.ARN -> target.resource.name                             # [ref] the first resource is the target
resources.0.accountId -> target.resource.id                         # [ref]
resources.0.type -> target.resource.type                            # [ref]
resources[*].ARN -> about[*].resource.name                          # [ref] every resource is also an about noun
resources[*].accountId -> about[*].resource.id                      # [ref]
resources[*].type -> about[*].resource.type                         # [ref]
requestParameters.repositoryName -> target.resource.name            # [ref] (ECR)
requestParameters.roleSessionName -> target.resource.name           # [ref] (STS AssumeRole)
requestParameters.policyArn -> target.resource.name | when eventName == "GetPolicy"   # [G] 2026-07-24
requestParameters.logGroupName -> target.resource.name | when eventName == "DeleteLogGroup"   # [G] 2026-07-09
serviceEventDetails.closeAccountStatus.accountId -> target.resource.name   # [G] 2026-02-25
# [added] the acted-on resource of common calls, so types that require target.resource keep their type:
requestParameters.secretId -> target.resource.name                  # [added] Secrets Manager
requestParameters.bucketName -> target.resource.name                # [added] S3
requestParameters.keyId -> target.resource.name                     # [added] KMS
responseElements.keyMetadata.arn -> target.resource.name            # [added] KMS CreateKey
requestParameters.logGroupName -> target.resource.name              # [added] CloudWatch Logs
requestParameters.functionName -> target.resource.name              # [added] Lambda
requestParameters.name -> target.resource.name | when eventSource == "cloudtrail.amazonaws.com"   # [added] trails
requestParameters.registryId -> target.resource.id                  # [ref] (ECR)
requestParameters.roleArn -> target.resource.id                     # [ref] (STS AssumeRole)
responseElements.credentials.accessKeyId -> target.resource.product_object_id   # [G] the issued key id (GetSessionToken)
responseElements.keyMetadata.keyId -> target.resource.product_object_id   # [added] KMS CreateKey
responseElements.grantId -> target.resource.product_object_id       # [added] KMS CreateGrant
requestParameters.groupId -> target.resource.product_object_id      # [added] EC2 security group
requestParameters.instancesSet.items.0.instanceId -> target.resource.product_object_id   # [added] EC2
eventName -> target.resource.resource_type | lookup cloudtrail-resource-types   # [added] see the lookup
requestParameters.roleName -> target.resource.attribute.roles.name  # [ref]
requestParameters.roleName -> target.user.role_name                 # [ref]
requestParameters.policyDocument -> target.resource.attribute.roles.description   # [ref]
requestParameters.policyArn -> target.resource.attribute.labels["policyArn"]   # [ref]
requestParameters.policyArn -> security_result.rule_name | after_last "/"   # [G] 2024-03-22 the policy name
requestParameters.instanceIds[*] -> target.resource.attribute.labels["req_instance_ids"]   # [G] 2026-03-24
requestParameters.networkInterfaceSet.items[*].associatePublicIpAddress -> target.resource.attribute.labels["associatePublicIpAddress"]   # [G] 2024-04-30
sessionCredentialFromConsole -> target.resource.attribute.labels["sessionCredentialFromConsole"]   # [G]
serviceEventDetails.closeAccountStatus.completedTimestamp -> target.resource.attribute.labels["service_event_details_close_account_status_completed_timestamp"]   # [G] 2026-02-25
responseElements -> target.resource.attribute.labels | flatten | when eventName == "TerminateInstances"   # [G] 2024-03-04
configRuleInputParameters.BlockPublicAcls -> target.resource.attribute.labels["BlockPublicAcls"]   # [ref]
configRuleInputParameters.BlockPublicPolicy -> target.resource.attribute.labels["BlockPublicPolicy"]   # [ref]
configRuleInputParameters.IgnorePublicAcls -> target.resource.attribute.labels["IgnorePublicAcls"]   # [ref]
configRuleInputParameters.RestrictPublicBuckets -> target.resource.attribute.labels["RestrictPublicBuckets"]   # [ref]
requestParameters.PublicAccessBlockConfiguration.BlockPublicAcls -> target.resource.attribute.labels["BlockPublicAcls"]   # [ref]
requestParameters.PublicAccessBlockConfiguration.BlockPublicPolicy -> target.resource.attribute.labels["BlockPublicPolicy"]   # [ref]
requestParameters.PublicAccessBlockConfiguration.IgnorePublicAcls -> target.resource.attribute.labels["IgnorePublicAcls"]   # [ref]
requestParameters.PublicAccessBlockConfiguration.RestrictPublicBuckets -> target.resource.attribute.labels["RestrictPublicBuckets"]   # [ref]
requestParameters.CreateAccessPointRequest.PublicAccessBlockConfiguration.BlockPublicAcls -> target.resource.attribute.labels["BlockPublicAcls"]   # [ref]
requestParameters.CreateAccessPointRequest.PublicAccessBlockConfiguration.BlockPublicPolicy -> target.resource.attribute.labels["BlockPublicPolicy"]   # [ref]
requestParameters.CreateAccessPointRequest.PublicAccessBlockConfiguration.RestrictPublicBuckets -> target.resource.attribute.labels["RestrictPublicBuckets"]   # [ref]
requestParameters.destinationCidrBlock -> target.labels["destinationCidrBlock"]   # [ref] (Noun.labels: deprecated, in the schema)
requestParameters.s3BucketName -> target.file.full_path             # [ref]
responseElements.command.outputS3BucketName -> target.file.full_path   # [ref] (SSM SendCommand)

# Users and groups acted on.
responseElements.user.arn -> target.user.userid                     # [ref]
responseElements.user.userName -> target.user.user_display_name     # [ref]
requestParameters.newUserName -> target.user.user_display_name      # [ref] (UpdateUser: the new name)
requestParameters.userName -> target.user.user_display_name | when eventName in (CreateUser, DeleteUser, UpdateUser, CreateLoginProfile, UpdateLoginProfile, DeleteLoginProfile, AddUserToGroup, RemoveUserFromGroup, CreateAccessKey, DeleteAccessKey, AttachUserPolicy, DetachUserPolicy, PutUserPolicy, DeleteUserPolicy)   # [added] the user acted on, when no response names it (USER_DELETION requires target.user)
requestParameters.userName -> src.user.user_display_name            # [ref]
requestParameters.userName -> src.user.userid                       # [ref]
responseElements.group.arn -> target.group.product_object_id        # [ref]
requestParameters.groupName -> target.group.group_display_name      # [ref]
requestParameters.newGroupName -> target.group.group_display_name   # [ref]
responseElements.group.groupName -> target.group.group_display_name   # [ref]
requestParameters.groupName -> src.group.group_display_name         # [ref]
requestParameters.logGroupName -> target.group.group_display_name | when eventName == "CreateLogGroup"   # [added] the reference types CreateLogGroup GROUP_CREATION, which requires the group's name

# Files and images.
requestParameters.outputS3BucketName -> src.file.full_path          # [ref] (SSM SendCommand)
requestParameters.layerDigest -> src.file.sha256                    # [ref] (ECR)
responseElements.image.imageId.imageDigest -> src.file.sha256       # [ref] (ECR PutImage)
responseElements.image.imageManifestMediaType -> src.file.mime_type   # [ref] (ECR PutImage)

# Image and snapshot sharing.
requestParameters.attributeType -> additional["createVolumePermission_attributeType"] | when exists requestParameters.createVolumePermission   # [ref] condition: the snapshot form of the call
requestParameters.attributeType -> additional["launchPermission_attributeType"] | when exists requestParameters.launchPermission   # [ref] condition: the image form of the call
requestParameters.createVolumePermission.add.items.0.userId -> additional["createVolumePermission_userId"]   # [ref]
requestParameters.launchPermission.add.items.0.userId -> additional["launchPermission_userId"]   # [ref]
requestParameters.imagesSet.items.0.imageId -> additional["imagesSet"]   # [ref]

# Request and response parameters as about labels.
# [ref] The sample's read-only call has requestParameters but no about.labels: the row applies to
# calls that change something (readOnly false), whose parameters say what changed.
requestParameters -> about.labels | flatten | when readOnly == false   # [ref] condition: not read-only
responseParameters -> about.labels | flatten | when readOnly == false   # [ref] condition as above (no CloudTrail record has this field today)

# ---- Network ----------------------------------------------------------------------------------
userAgent -> network.http.user_agent                                # [ref] [sample]
insightDetails.insightContext.attributions[attribute=userAgent].insight.0.value -> network.http.user_agent   # [ref] by attribute name, not position
tlsDetails.cipherSuite -> network.tls.cipher                        # [ref]
tlsDetails.tlsVersion -> network.tls.version                        # [ref]
responseElements.securityGroupRuleSet.items.0.ipProtocol -> network.ip_protocol | lower | lookup ip-protocols   # [ref]
responseElements.securityGroupRuleSet.items.0.isEgress -> network.direction | lookup egress-directions   # [ref]
responseElements.securityGroupRuleSet.items.0.fromPort -> principal.port   # [ref]
responseElements.securityGroupRuleSet.items.0.toPort -> target.port  # [ref]
responseElements.securityGroupRuleSet.items.0.cidrIpv4 -> principal.labels["cidrIpv4"]   # [ref] (Noun.labels: deprecated, in the schema)

# ---- Security result (one element per event) --------------------------------------------------
errorCode -> security_result.rule_id                                # [ref]
insightDetails.insightContext.attributions[attribute=errorCode].insight.0.value -> security_result.rule_id | when insightDetails.insightContext.attributions[attribute=errorCode].insight.0.value != "null"   # [ref] by attribute name; "null" means the calls succeeded
requestParameters.securityGroupRuleIds.items.0.securityGroupRuleId -> security_result.rule_id   # [ref]
responseElements.securityGroupRuleSet.items.0.securityGroupRuleId -> security_result.rule_id   # [ref]
responseElements.securityGroupRuleSet.items.0.groupId -> security_result.rule_labels["groupId"]   # [ref]
eventName -> security_result.summary | when exists errorCode        # [ref] condition: a failed call (the sample's successful call has no summary)
errorMessage -> security_result.description                         # [ref]
eventCategory -> security_result.category_details                   # [ref] [sample]
"BLOCK" -> security_result.action | when exists errorCode           # [G] an error code means the call was refused
"ALLOW" -> security_result.action | when exists eventName            # [G] [sample] an API call that did not fail (Insights events report no call)
responseElements.assumedRoleUser.arn -> security_result.about.resource.id   # [ref]
responseElements.assumedRoleUser.assumedRoleId -> security_result.about.resource.name   # [ref]
requestParameters.name.0 -> security_result.about.application       # [ref]
requestParameters.names.0 -> security_result.about.application      # [ref]
requestParameters.encryptionAlgorithm -> security_result.detection_fields["encryptionAlgorithm"]   # [ref] detection_fields.labels is not in the schema: a detection_fields label is its home
responseElements.keyMetadata.encryptionAlgorithms[*] -> security_result.detection_fields["encryptionAlgorithm"]   # [ref] one label per algorithm

# ---- Insights -------------------------------------------------------------------------------
insightDetails.insightContext.attributions[attribute=userIdentityArn].insight.0.value -> principal.user.userid   # [ref] by attribute name, not position
insightDetails.insightType -> additional["insightType"]             # [ref]
insightDetails.state -> additional["insightState"]                  # [added] Start / End of the anomaly

# ---- Network activity and VPC endpoint events -------------------------------------------------
vpcEndpointId -> additional["vpcEndpointId"]                        # [added]
vpcEndpointAccountId -> additional["vpcEndpointAccountId"]          # [added]

# Not mapped from the reference table:
#   logfile.* rows (hashValue, newestEventTim[e], s3Bucket, s3Object) belong to digest files: see cloudtrail-digest.map.
#   awsAccountId, digestS3Bucket, digestS3Object: digest-file fields, see cloudtrail-digest.map.
"""####),
    ]
}

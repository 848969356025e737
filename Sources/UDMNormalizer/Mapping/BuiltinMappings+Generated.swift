// Generated from Mappings/*.map by BuiltinMappingsGenerator (Tests/UDMNormalizerTests).
// Do not edit; change the tables in Mappings/ and run: UDM_REGENERATE=1 swift test --filter BuiltinMappingsGeneratedFileTests

/// The text of the built-in mapping tables, in file-name order.
enum BuiltinMappings {
    static let files: [(name: String, text: String)] = [
        ("cloudtrail-digest.map", ####"""
# CloudTrail digest files -> one UDM event per file. A digest file lists the log files CloudTrail
# delivered in an hour with their hashes, so integrity checks can be searched beside the events.
# The reference table's logfile.* rows describe a log file; logFiles[0] fills them, and every
# entry of logFiles also lands in an about noun. A digest for an hour with no log files has
# `"logFiles": []` and `"newestEventTime": null`: it is still a digest, matched by its own S3 key.
@log_type AWS_CLOUDTRAIL
@match exists digestEndTime and exists digestS3Object
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
userIdentity.sessionContext.webIdFederationData.federatedProvider -> additional["federatedProvider"]   # [added] web-identity sessions
# Deliberately unmapped: the reference sample has these fields and its observed parse maps none of
# them, so mapping them would contradict it. Declared so that field coverage leaves them out (the
# report lists them).
@ignore managementEvent, userIdentity.sessionContext.attributes.creationDate
@ignore userIdentity.sessionContext.sessionIssuer.principalId, userIdentity.sessionContext.sessionIssuer.accountId, userIdentity.sessionContext.sessionIssuer.type
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
responseElements -> target.resource.attribute.labels | flatten | when readOnly == false or eventName == "TerminateInstances"   # [G] "many request/response values become target.resource labels"; TerminateInstances 2024-03-04
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
requestParameters.bucketName + "/" + requestParameters.key -> target.file.full_path   # [added] the S3 object of a data event
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
tlsDetails.clientProvidedHostHeader -> network.tls.client.server_name   # [added] the endpoint the client asked for (SNI / Host)
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

# ---- Kept as they are, for searches the fields above do not cover ---------------------------
sharedEventID -> additional["sharedEventID"]                        # [added] links the copies of a cross-account event
additionalEventData -> additional["additionalEventData"]            # [added] the whole object (MFA, sign-in and S3 transfer details); its fields above are also mapped to UDM
apiVersion -> additional["apiVersion"]                              # [added]

# ---- Network activity and VPC endpoint events -------------------------------------------------
vpcEndpointId -> additional["vpcEndpointId"]                        # [added]
vpcEndpointAccountId -> additional["vpcEndpointAccountId"]          # [added]

# Not mapped from the reference table:
#   logfile.* rows (hashValue, newestEventTim[e], s3Bucket, s3Object) belong to digest files: see cloudtrail-digest.map.
#   awsAccountId, digestS3Bucket, digestS3Object: digest-file fields, see cloudtrail-digest.map.
"""####),
        ("guardduty-classification.map", ####"""
# GuardDuty finding classification: the lookups guardduty.map uses for metadata.event_type,
# security_result.severity / category, resource kinds, protocols, directions and ATT&CK details.
#
# Where they come from: Google's GUARDDUTY parser documents that it derives event type, tactics
# and techniques from the finding, but not its tables (chronicle-guardduty-mapping.tsv:
# "exact table not in retrieved docs"). The tables below are therefore ours, built from the
# proposals [P] and Elastic's choices [E] of guardduty-udm-mapping.tsv and from the finding
# catalogue (guardduty-finding-types.tsv), and say so row by row where it matters.
# Every key is matched exactly (no prefixes); every table states what a miss gives.

# ---- metadata.event_type ----------------------------------------------------------------------
# Classification is by what the finding holds, not by its name (guardduty.map applies these in order):
#   1. attack sequences                          -> GENERIC_EVENT (guardduty-purpose-event-types)
#   2. the action kind (service.action.actionType, or which *Action object is present)
#                                                -> guardduty-action-event-types
#   3. runtime process details (service.runtimeDetails, no action)
#                                                -> guardduty-runtime-event-types, else PROCESS_UNCATEGORIZED
#   4. malware scan details (ebsVolumeScanDetails / malwareScanDetails)
#                                                -> SCAN_FILE on a machine, else SCAN_UNCATEGORIZED
#   5. anything else (unknown and future types)  -> GENERIC_EVENT
# The validator then checks each type's required fields and falls back to GENERIC_EVENT, saying
# what was missing, when the finding lacks them (e.g. an API-call finding without a user).

# 1. By threat purpose (the text before ':'): only attack sequences are classified by name, because
#    they carry no action, process or scan object of their own.
@lookup guardduty-purpose-event-types default empty
AttackSequence = GENERIC_EVENT
@end

# 2. service.action.actionType -> event type. [P] guardduty-udm-mapping.tsv, row service.action.actionType.
@lookup guardduty-action-event-types default empty
NETWORK_CONNECTION = NETWORK_CONNECTION      # a flow between the resource and a remote address
PORT_PROBE = SCAN_NETWORK                    # remote hosts probing the resource's ports
DNS_REQUEST = NETWORK_DNS                    # a query for a suspicious domain
AWS_API_CALL = USER_RESOURCE_ACCESS          # an IAM principal calling an AWS API (principal.user, target.resource)
KUBERNETES_API_CALL = USER_RESOURCE_ACCESS   # a Kubernetes user calling the EKS API server
RDS_LOGIN_ATTEMPT = USER_LOGIN               # logins to an RDS database (target.user = the database user)
@end

# 3. Runtime Monitoring findings without an action, by finding type. What the observed process did
#    decides the type; the placement of the process in guardduty.map follows the same lists:
#    injection, module loads and elevation have the observed process as the actor (principal.process),
#    the others describe a process that was started (target.process).
@lookup guardduty-runtime-event-types default empty
DefenseEvasion:Runtime/ProcessInjection.Proc = PROCESS_INJECTION
DefenseEvasion:Runtime/ProcessInjection.Ptrace = PROCESS_INJECTION
DefenseEvasion:Runtime/ProcessInjection.VirtualMemoryWrite = PROCESS_INJECTION
Execution:Runtime/NewLibraryLoaded = PROCESS_MODULE_LOAD              # target.process.file = the library
DefenseEvasion:Runtime/KernelModuleLoaded = PROCESS_MODULE_LOAD       # target.process.file = the kernel module
PrivilegeEscalation:Runtime/ElevationToRoot = PROCESS_PRIVILEGE_ESCALATION
Execution:Runtime/NewBinaryExecuted = PROCESS_LAUNCH
Execution:Runtime/MaliciousFileExecuted = PROCESS_LAUNCH
Execution:Runtime/ReverseShell = PROCESS_LAUNCH
Execution:Runtime/SuspiciousCommand = PROCESS_LAUNCH
Execution:Runtime/SuspiciousShellCreated = PROCESS_LAUNCH
Execution:Runtime/SuspiciousTool = PROCESS_LAUNCH
Impact:Runtime/CryptoMinerExecuted = PROCESS_LAUNCH
DefenseEvasion:Runtime/FilelessExecution = PROCESS_LAUNCH
DefenseEvasion:Runtime/SuspiciousCommand = PROCESS_LAUNCH
Discovery:Runtime/SuspiciousCommand = PROCESS_LAUNCH
Persistence:Runtime/SuspiciousCommand = PROCESS_LAUNCH
PrivilegeEscalation:Runtime/SuspiciousCommand = PROCESS_LAUNCH
DefenseEvasion:Runtime/PtraceAntiDebugging = PROCESS_UNCATEGORIZED
PrivilegeEscalation:Runtime/CGroupsReleaseAgentModified = PROCESS_UNCATEGORIZED
PrivilegeEscalation:Runtime/ContainerMountsHostDirectory = PROCESS_UNCATEGORIZED
PrivilegeEscalation:Runtime/DockerSocketAccessed = PROCESS_UNCATEGORIZED
PrivilegeEscalation:Runtime/RuncContainerEscape = PROCESS_UNCATEGORIZED
PrivilegeEscalation:Runtime/UserfaultfdUsage = PROCESS_UNCATEGORIZED
@end

# ---- security_result.severity -----------------------------------------------------------------
# GuardDuty's documented bands (guardduty-finding-fields.tsv, severity): Low 1.0-3.9, Medium 4.0-6.9,
# High 7.0-8.9, Critical 9.0-10.0. Real values have one decimal, but the bands are half-open so that
# any number falls in exactly one (3.95 is LOW, 6.95 MEDIUM, 8.95 HIGH). Below 1 is INFORMATIONAL.
# Above 10 is outside the documented scale: still CRITICAL, and guardduty.map's @check records a
# diagnostic. Text that is not a number gives UNKNOWN_SEVERITY.
@lookup guardduty-severity range default UNKNOWN_SEVERITY
(-inf, 1) = INFORMATIONAL
[1, 4) = LOW
[4, 7) = MEDIUM
[7, 9) = HIGH
[9, 10] = CRITICAL
(10, inf] = CRITICAL
@end


# ---- security_result.category -----------------------------------------------------------------
# By threat purpose (type before ':'), every purpose of guardduty-finding-types.tsv and of the corpus.
# [P] marks the proposal's choice (guardduty-udm-mapping.tsv, row type -> category_details);
# the others are ours, with the reason. Unknown purposes give UNKNOWN_CATEGORY, explicitly.
@lookup guardduty-purpose-categories default UNKNOWN_CATEGORY
AttackSequence = SOFTWARE_MALICIOUS        # correlated compromise; 3 of the 5 sequences are workload (malware/runtime) compromises
Backdoor = SOFTWARE_MALICIOUS              # [P] the resource is compromised and controlled by an attacker
Behavior = NETWORK_SUSPICIOUS              # unusual ports or traffic volume
CredentialAccess = AUTH_VIOLATION          # [P]
CryptoCurrency = SOFTWARE_MALICIOUS        # [P] (first of SOFTWARE_MALICIOUS / NETWORK_SUSPICIOUS)
DefenseEvasion = POLICY_VIOLATION          # [P]
DefenseImpairment = POLICY_VIOLATION       # disabling or modifying security tools and logging, as Stealth / DefenseEvasion
Discovery = NETWORK_RECON                  # [P]
Execution = SOFTWARE_SUSPICIOUS            # [P]
Exfiltration = DATA_EXFILTRATION           # [P]
Impact = SOFTWARE_SUSPICIOUS               # [P]
InitialAccess = AUTH_VIOLATION             # anomalous use of credentials to get in, as UnauthorizedAccess
Object = SOFTWARE_MALICIOUS                # Object:S3/MaliciousFile: malware in an S3 object
S3Object = SOFTWARE_MALICIOUS              # S3Object:S3/MaliciousFile: the same, newer name
PenTest = SOFTWARE_SUSPICIOUS              # API calls from penetration-testing distributions (Kali, Parrot, Pentoo)
Persistence = SOFTWARE_SUSPICIOUS          # as Execution / Impact in [P]: suspicious activity keeping a foothold
Policy = POLICY_VIOLATION                  # [P]
PrivilegeEscalation = EXPLOIT              # gaining privileges beyond those granted (container escapes, privileged pods, admin policies)
Recon = NETWORK_RECON                      # [P]
ResourceConsumption = POLICY_VIOLATION     # retired ResourceConsumption:IAMUser/ComputeResources: unusual compute launches
Stealth = POLICY_VIOLATION                 # [P]
Trojan = SOFTWARE_MALICIOUS                # [P]
UnauthorizedAccess = AUTH_VIOLATION        # [P]
Canary = UNKNOWN_CATEGORY                  # Canary:EC2/Stateless.IntegTest (corpus): GuardDuty's own test finding, no threat
@end

# A second category for finding types whose family says more than their purpose (appended after
# the purpose's category). Ours; default empty, so other types keep one category.
@lookup guardduty-type-categories default empty
"Backdoor:EC2/C&CActivity.B" = NETWORK_COMMAND_AND_CONTROL
"Backdoor:EC2/C&CActivity.B!DNS" = NETWORK_COMMAND_AND_CONTROL
"Backdoor:Lambda/C&CActivity.B" = NETWORK_COMMAND_AND_CONTROL
"Backdoor:Runtime/C&CActivity.B" = NETWORK_COMMAND_AND_CONTROL
"Backdoor:Runtime/C&CActivity.B!DNS" = NETWORK_COMMAND_AND_CONTROL
Backdoor:EC2/DenialOfService.Dns = NETWORK_DENIAL_OF_SERVICE
Backdoor:EC2/DenialOfService.Tcp = NETWORK_DENIAL_OF_SERVICE
Backdoor:EC2/DenialOfService.Udp = NETWORK_DENIAL_OF_SERVICE
Backdoor:EC2/DenialOfService.UdpOnTcpPorts = NETWORK_DENIAL_OF_SERVICE
Backdoor:EC2/DenialOfService.UnusualProtocol = NETWORK_DENIAL_OF_SERVICE
Backdoor:EC2/Spambot = MAIL_SPAM
"Trojan:EC2/PhishingDomainRequest!DNS" = PHISHING
"Trojan:Runtime/PhishingDomainRequest!DNS" = PHISHING
Trojan:EC2/DNSDataExfiltration = DATA_EXFILTRATION
Trojan:EC2/DGADomainRequest.B = NETWORK_COMMAND_AND_CONTROL
"Trojan:EC2/DGADomainRequest.C!DNS" = NETWORK_COMMAND_AND_CONTROL
"Trojan:Runtime/DGADomainRequest.C!DNS" = NETWORK_COMMAND_AND_CONTROL
UnauthorizedAccess:EC2/TorClient = TOR_EXIT_NODE
UnauthorizedAccess:EC2/TorRelay = TOR_EXIT_NODE
UnauthorizedAccess:EC2/TorIPCaller = TOR_EXIT_NODE
UnauthorizedAccess:IAMUser/TorIPCaller = TOR_EXIT_NODE
UnauthorizedAccess:Lambda/TorClient = TOR_EXIT_NODE
UnauthorizedAccess:Lambda/TorRelay = TOR_EXIT_NODE
UnauthorizedAccess:Runtime/TorClient = TOR_EXIT_NODE
UnauthorizedAccess:Runtime/TorRelay = TOR_EXIT_NODE
UnauthorizedAccess:S3/TorIPCaller = TOR_EXIT_NODE
CredentialAccess:Kubernetes/TorIPCaller = TOR_EXIT_NODE
CredentialAccess:RDS/TorIPCaller.FailedLogin = TOR_EXIT_NODE
CredentialAccess:RDS/TorIPCaller.SuccessfulLogin = TOR_EXIT_NODE
DefenseEvasion:Kubernetes/TorIPCaller = TOR_EXIT_NODE
Discovery:Kubernetes/TorIPCaller = TOR_EXIT_NODE
Discovery:RDS/TorIPCaller = TOR_EXIT_NODE
Discovery:S3/TorIPCaller = TOR_EXIT_NODE
Impact:Kubernetes/TorIPCaller = TOR_EXIT_NODE
Persistence:Kubernetes/TorIPCaller = TOR_EXIT_NODE
Recon:IAMUser/TorIPCaller = TOR_EXIT_NODE
Impact:S3/AnomalousBehavior.Delete = DATA_DESTRUCTION
Impact:S3/ObjectDelete.Unusual = DATA_DESTRUCTION
Impact:EC2/WinRMBruteForce = AUTH_VIOLATION
@end

# ---- ATT&CK tactics and techniques ------------------------------------------------------------
# [G] 2023-08-18: Google fills security_result.attack_details.tactics / techniques "derived from the
# finding type"; its table is not public. Ours: the purposes that name an ATT&CK tactic (GuardDuty's
# purposes are modelled on them), and techniques for the families that name one unambiguously.
# Purposes with no single tactic (Policy, PenTest, Behavior, Object, S3Object, AttackSequence, Canary)
# give none; attack sequences carry their own tactics (sequenceIndicators ATTACK_TACTIC).
@lookup guardduty-purpose-tactic-ids default empty
Backdoor = TA0011
CredentialAccess = TA0006
CryptoCurrency = TA0040
DefenseEvasion = TA0005
DefenseImpairment = TA0005
Discovery = TA0007
Execution = TA0002
Exfiltration = TA0010
Impact = TA0040
InitialAccess = TA0001
Persistence = TA0003
PrivilegeEscalation = TA0004
Recon = TA0043
ResourceConsumption = TA0040
Stealth = TA0005
Trojan = TA0011
UnauthorizedAccess = TA0001
@end

@lookup attack-tactic-names default empty
TA0001 = "Initial Access"
TA0002 = "Execution"
TA0003 = "Persistence"
TA0004 = "Privilege Escalation"
TA0005 = "Defense Evasion"
TA0006 = "Credential Access"
TA0007 = "Discovery"
TA0010 = "Exfiltration"
TA0011 = "Command and Control"
TA0040 = "Impact"
TA0043 = "Reconnaissance"
@end

# Tactic names as attack sequences list them (sequenceIndicators ATTACK_TACTIC) -> their ids.
@lookup attack-tactic-ids default empty
"Reconnaissance" = TA0043
"Resource Development" = TA0042
"Initial Access" = TA0001
"Execution" = TA0002
"Persistence" = TA0003
"Privilege Escalation" = TA0004
"Defense Evasion" = TA0005
"Credential Access" = TA0006
"Discovery" = TA0007
"Lateral Movement" = TA0008
"Collection" = TA0009
"Command and Control" = TA0011
"Exfiltration" = TA0010
"Impact" = TA0040
@end

@lookup guardduty-type-technique-ids default empty
UnauthorizedAccess:EC2/SSHBruteForce = T1110
UnauthorizedAccess:EC2/RDPBruteForce = T1110
Impact:EC2/WinRMBruteForce = T1110
CredentialAccess:RDS/AnomalousBehavior.SuccessfulBruteForce = T1110
Recon:EC2/PortProbeUnprotectedPort = T1595
Recon:EC2/PortProbeEMRUnprotectedPort = T1595
Recon:EC2/Portscan = T1046
Impact:EC2/PortSweep = T1046
CryptoCurrency:EC2/BitcoinTool.B = T1496
"CryptoCurrency:EC2/BitcoinTool.B!DNS" = T1496
CryptoCurrency:Lambda/BitcoinTool.B = T1496
CryptoCurrency:Runtime/BitcoinTool.B = T1496
"CryptoCurrency:Runtime/BitcoinTool.B!DNS" = T1496
Impact:Runtime/CryptoMinerExecuted = T1496
Impact:EC2/BitcoinDomainRequest.Reputation = T1496
Impact:Runtime/BitcoinDomainRequest.Reputation = T1496
"Backdoor:EC2/C&CActivity.B" = T1071
"Backdoor:EC2/C&CActivity.B!DNS" = T1071
"Backdoor:Lambda/C&CActivity.B" = T1071
"Backdoor:Runtime/C&CActivity.B" = T1071
"Backdoor:Runtime/C&CActivity.B!DNS" = T1071
Backdoor:EC2/DenialOfService.Dns = T1498
Backdoor:EC2/DenialOfService.Tcp = T1498
Backdoor:EC2/DenialOfService.Udp = T1498
Backdoor:EC2/DenialOfService.UdpOnTcpPorts = T1498
Backdoor:EC2/DenialOfService.UnusualProtocol = T1498
Trojan:EC2/DGADomainRequest.B = T1568
"Trojan:EC2/DGADomainRequest.C!DNS" = T1568
"Trojan:Runtime/DGADomainRequest.C!DNS" = T1568
Trojan:EC2/DNSDataExfiltration = T1048
UnauthorizedAccess:EC2/TorClient = T1090
UnauthorizedAccess:EC2/TorRelay = T1090
UnauthorizedAccess:Lambda/TorClient = T1090
UnauthorizedAccess:Lambda/TorRelay = T1090
UnauthorizedAccess:Runtime/TorClient = T1090
UnauthorizedAccess:Runtime/TorRelay = T1090
Stealth:IAMUser/CloudTrailLoggingDisabled = T1562
Stealth:S3/ServerAccessLoggingDisabled = T1562
DefenseEvasion:IAMUser/BedrockLoggingDisabled = T1562
DefenseImpairment:EC2/DisableOrModifyTools = T1562
DefenseImpairment:Organizations/DisableOrModifyTools = T1562
DefenseEvasion:Runtime/ProcessInjection.Proc = T1055
DefenseEvasion:Runtime/ProcessInjection.Ptrace = T1055
DefenseEvasion:Runtime/ProcessInjection.VirtualMemoryWrite = T1055
DefenseEvasion:Runtime/FilelessExecution = T1620
Execution:Runtime/ReverseShell = T1059
Execution:Runtime/SuspiciousShellCreated = T1059
Execution:Kubernetes/ExecInKubeSystemPod = T1609
Execution:Kubernetes/AnomalousBehavior.ExecInPod = T1609
PrivilegeEscalation:Kubernetes/PrivilegedContainer = T1611
"PrivilegeEscalation:Kubernetes/AnomalousBehavior.WorkloadDeployed!PrivilegedContainer" = T1611
PrivilegeEscalation:Runtime/RuncContainerEscape = T1611
PrivilegeEscalation:Runtime/CGroupsReleaseAgentModified = T1611
PrivilegeEscalation:Runtime/DockerSocketAccessed = T1611
PrivilegeEscalation:Runtime/ContainerMountsHostDirectory = T1611
UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS = T1552
UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS = T1552
UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration = T1552
UnauthorizedAccess:EC2/MetadataDNSRebind = T1552
UnauthorizedAccess:Runtime/MetadataDNSRebind = T1552
CredentialAccess:Kubernetes/AnomalousBehavior.SecretsAccessed = T1552
UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B = T1078
Policy:IAMUser/RootCredentialUsage = T1078
Exfiltration:S3/AnomalousBehavior = T1530
Exfiltration:S3/MaliciousIPCaller = T1530
Exfiltration:S3/ObjectRead.Unusual = T1530
Impact:S3/AnomalousBehavior.Delete = T1485
Discovery:S3/AnomalousBehavior = T1619
Discovery:S3/MaliciousIPCaller = T1619
Discovery:S3/MaliciousIPCaller.Custom = T1619
Discovery:S3/TorIPCaller = T1619
@end

@lookup attack-technique-names default empty
T1046 = "Network Service Discovery"
T1048 = "Exfiltration Over Alternative Protocol"
T1055 = "Process Injection"
T1059 = "Command and Scripting Interpreter"
T1071 = "Application Layer Protocol"
T1078 = "Valid Accounts"
T1090 = "Proxy"
T1110 = "Brute Force"
T1485 = "Data Destruction"
T1496 = "Resource Hijacking"
T1498 = "Network Denial of Service"
T1530 = "Data from Cloud Storage"
T1552 = "Unsecured Credentials"
T1562 = "Impair Defenses"
T1568 = "Dynamic Resolution"
T1595 = "Active Scanning"
T1609 = "Container Administration Command"
T1611 = "Escape to Host"
T1619 = "Cloud Storage Object Discovery"
T1620 = "Reflective Code Loading"
@end

# ---- Resources --------------------------------------------------------------------------------
# resource.resourceType -> Resource.resource_type of the finding's resource (target.resource).
# resource_subtype keeps GuardDuty's own word [G]. Snapshots are named EBSSnapshot and EC2Snapshot
# in AWS's documents, both are here. AWS Backup recovery points are point-in-time
# copies: SNAPSHOT is the nearest kind UDM has. AttackSequence is not a resource kind: no value.
@lookup guardduty-resource-types default empty
Instance = VIRTUAL_MACHINE
AccessKey = CREDENTIAL
S3Bucket = STORAGE_BUCKET
S3Object = STORAGE_OBJECT
EKSCluster = CLUSTER
ECSCluster = CLUSTER
Container = CONTAINER
RDSDBInstance = DATABASE
RDSLimitlessDB = DATABASE
Lambda = FUNCTION
EBSVolume = VOLUME
EBSSnapshot = SNAPSHOT
EC2Snapshot = SNAPSHOT
EC2Image = IMAGE
RecoveryPoint = SNAPSHOT
@end

# The kind of every element of a list that holds one kind of thing (scanned EBS volumes, the buckets
# of a finding): a rule over the list's [*] path writes one value per element, and a lookup with no
# rows gives its default whatever the key. (The language has no per-element constant.)
@lookup guardduty-kind-volume default VOLUME
@end
@lookup guardduty-kind-bucket default STORAGE_BUCKET
@end

# Attack-sequence resources (service.detection.sequence.resources[].resourceType, the ResourceV2
# model's enum) -> Resource.resource_type of their about noun. Kinds UDM has no word for (network
# interfaces, launch templates, stacks, Auto Scaling groups, instance profiles, ECS tasks, Bedrock
# and SageMaker objects) give none; resource_subtype keeps GuardDuty's word for every one.
@lookup guardduty-sequence-resource-types default empty
EC2_INSTANCE = VIRTUAL_MACHINE
EC2_VPC = VPC_NETWORK
EC2_IMAGE = IMAGE
S3_BUCKET = STORAGE_BUCKET
S3_OBJECT = STORAGE_OBJECT
ACCESS_KEY = CREDENTIAL
EKS_CLUSTER = CLUSTER
ECS_CLUSTER = CLUSTER
KUBERNETES_WORKLOAD = POD
CONTAINER = CONTAINER
@end

# ---- Network ----------------------------------------------------------------------------------
# networkConnectionAction.connectionDirection / sequence endpoints' connection.direction -> network.direction.
@lookup guardduty-directions default empty
INBOUND = INBOUND
OUTBOUND = OUTBOUND
UNKNOWN = UNKNOWN_DIRECTION
@end

# Protocol names as GuardDuty writes them (TCP, UDP, ...; upper-cased first), and Runtime
# Monitoring's IANA protocol numbers -> network.ip_protocol. Others give no value.
@lookup guardduty-ip-protocols default empty
TCP = TCP
UDP = UDP
ICMP = ICMP
ICMPV6 = ICMP6
ICMP6 = ICMP6
SCTP = SCTP
GRE = GRE
1 = ICMP
6 = TCP
17 = UDP
47 = GRE
58 = ICMP6
132 = SCTP
@end

# *Action.blocked -> security_result.action [G] ("true -> BLOCK, false -> ALLOW").
# Keys compare as text, so the boolean false and the string "false" (AWS CLI output as some tools
# re-serialize it) both match.
@lookup guardduty-blocked-actions default empty
true = BLOCK
false = ALLOW
@end

# ---- Authentication (RDS login attempts) ------------------------------------------------------
# rdsDbUserDetails.authMethod (upper-cased) -> extensions.auth.mechanism; a miss falls back to REMOTE
# in guardduty.map (a login over the network, as cloudtrail.map writes for API callers).
@lookup guardduty-rds-auth-mechanisms default empty
PASSWORD = USERNAME_PASSWORD
MD5 = USERNAME_PASSWORD
SCRAM-SHA-256 = USERNAME_PASSWORD
@end
"""####),
        ("guardduty.map", ####"""
# Amazon GuardDuty findings -> UDM, one event per finding. Lookups (event types, severity bands,
# categories, ATT&CK, resource kinds, protocols) are in guardduty-classification.map.
#
# Precedence: Google's GUARDDUTY parser (chronicle-guardduty-mapping.tsv) first, its change log
# winning where a change-log row is newer than the documented row; then Elastic's choices [E] and
# the proposals [P] of guardduty-udm-mapping.tsv for what Google does not map. Every row of
# Google's table is below, as a rule or as a comment saying why it is not one. Several rules
# writing one single-valued field: the first non-empty wins, so the order of rules is their
# priority. Tags: [G] Google's documented row, [G yyyy-mm-dd] its change log, [G-rules] Google's
# detection rules, [E] Elastic, [P] proposal, [added] ours (with the reason), [departs] where we
# do not do what Google does (with the reason).
#
# Who is who (Google's model, with the departures marked where they happen):
#   - The finding's resource (resource.resourceType) is target.resource [G resourceType ->
#     target.resource.resource_subtype]; the EC2 instance's cloud attributes are target.asset [G].
#   - Network findings (NETWORK_CONNECTION, PORT_PROBE, DNS_REQUEST) and Runtime findings: the
#     instance's side is the principal (local address, instance addresses [G]) and the remote address
#     is target.ip [G]. The remote side's geography is in principal.location [G 2026-07-27: "moved
#     from target.location to principal.location", always principal whatever the direction]; we apply
#     that move to every remote side (port probes, API callers, Kubernetes callers, RDS clients) and
#     add its latitude/longitude there too. network.direction says which way the connection went.
#   - API-call, Kubernetes and RDS-login findings: the caller is the principal (principal.user [G]),
#     including its address [departs: Google's document puts the caller's address in target.ip, but
#     Google's own detection rules read principal.ip for it, and its geography is in principal.location].
#     The instance, when such a finding names one, is then acted on: its addresses go to target.asset.ip.
#   - Malware-scan findings: the scanned machine is the target (target.asset_id, target.asset.ip, target.file).
#   - The remote address's organisation (asn, asnOrg, isp, org) goes to additional [G for API callers],
#     for every action kind.
#
# Lenient input (corpus/SOURCES.md), accepted as a user would want:
#   - AWS CLI / boto3 PascalCase keys (Service.Action...): @keys first_letter_any_case below. The one
#     place it does not reach is the key of a [key=value] selector; those rules are written twice.
#   - booleans written as strings ("false"): conditions and lookups compare text, so "false" and false
#     both give ALLOW / no sample label; labels and additional keep the value as written.
#   - Python-style timestamps ("2017-12-18 21:28:11.551000+05:30", nanosecond fractions, no zone) and
#     epoch numbers (launchTime in milliseconds): the timestamp conversion takes them all.
#   - organization.asn as an integer: written as text, like the documented string form ('| string').
#   - the text "null" for a missing KMS key: not written as a key.
#   - addresses that are not IP addresses (placeholders such as "111.11.000.1"): left out ('| when is_ip'),
#     because UDM ip fields hold addresses only.
@keys first_letter_any_case
@log_type GUARDDUTY
# A finding: service.detectorId / serviceName "guardduty" / resource.resourceType are GuardDuty's own;
# schemaVersion with service or resource catches the partial findings of the corpus, so that they fail
# with "no event time: updatedAt is missing" rather than "unrecognized record". CloudTrail records have
# none of these (and cloudtrail.map, tried first, needs eventVersion/eventSource/eventName/eventType/
# userIdentity/insightDetails, which findings never have); the last clause makes that explicit.
@match (exists service.detectorId or service.serviceName in (guardduty, GuardDuty) or exists resource.resourceType or (exists schemaVersion and (exists service or exists resource))) and missing eventVersion and missing eventSource and missing eventName
@eventbridge "GuardDuty Finding"
@dedupe_key id + "|" + updatedAt                                  # a finding is re-exported each time it is updated: one event per update

# Kept whole in additional (copied as JSON) rather than field by field, or deliberately not mapped:
@opaque service.detection.anomaly, service.runtimeDetails.context, service.detection.sequence.signals, service.detection.sequence.sequenceIndicators
@ignore service.serviceName, findingType, partition, resource.instanceDetails.networkInterfaces[*].privateIpAddresses

# ---- On every finding ------------------------------------------------------------------------
"AMAZON" -> metadata.vendor_name                                   # [G-rules]
"AWS GuardDuty" -> metadata.product_name                           # [G-rules]
schemaVersion -> metadata.product_version                          # [P] [E]
updatedAt -> metadata.event_timestamp | timestamp                  # [G] the last update is the event; Python-style "2017-12-18 21:28:11.551000+05:30" and epoch numbers are accepted
id -> metadata.product_log_id                                      # [P] [E] event.id
type -> metadata.product_event_type                                # [G] e.g. UnauthorizedAccess:EC2/TorClient
service.detectorId -> metadata.product_deployment_id               # [added] the detector is GuardDuty's deployment in an account and region
"https://console.aws.amazon.com/guardduty/home?region=" + region + "#/findings?macros=current&fId=" + id -> metadata.url_back_to_product   # [added] the finding in the GuardDuty console ([P] proposed the ARN, which is not a URL)
service.action.awsApiCallAction.serviceName -> metadata.description   # [G]
accountId -> principal.group.product_object_id                     # [G]
arn -> target.asset.attribute.cloud.project.product_object_id      # [G] (cloud.project is deprecated in udm.proto; Google still writes it)
id -> target.asset.attribute.cloud.project.id                      # [G]
# partition -> target.asset.attribute.cloud.project.type: [G 2026-07-27] removed as deprecated; not mapped.
region -> target.location.name                                     # [G] [G-rules] read aws_region here
"AMAZON_WEB_SERVICES" -> target.asset.attribute.cloud.environment  # [added] every GuardDuty resource is in AWS (as cloudtrail.map says of its principal)
createdAt -> additional["createdAt"]                               # [G 2026] data.detail.createdAt -> additional.fields
service.archived -> additional["archived"]                         # [G]
service.detectorId -> additional["detectorId"]                     # [G]
service.resourceRole -> additional["resourceRole"]                 # [P] TARGET/ACTOR; the placement below follows the action kind instead, because Runtime and S3 malware findings leave it empty
service.featureName -> additional["featureName"]                   # [P] e.g. DnsLogs, FlowLogs, RuntimeMonitoring
service.userFeedback -> additional["userFeedback"]                 # [added] USEFUL / NOT_USEFUL feedback given in the console
service.count -> principal.resource.attribute.labels["count"]      # [G] occurrences aggregated into this finding
service.action.actionType -> principal.group.attribute.labels["actionType"]   # [G]
# (envelope) [G]: Google maps every field both bare and with the EventBridge "detail." prefix; here the
# engine unwraps the envelope (EventBridge detail, {"findings":[...]}, {"Findings":[...]}) before tables run.
# detail-type -> additional.fields [G]: not mapped. The engine unwraps the EventBridge envelope before
# tables run, so they see the finding (the detail) only; "GuardDuty Finding" is the only detail-type handled.
# Record.* and digest* rows [G 2025-07-03, 2025-10-18] (CloudTrail records under the GUARDDUTY label):
# not mapped here. Log types are detected by content, and cloudtrail.map / cloudtrail-digest.map
# normalize those records as AWS_CLOUDTRAIL, with their full tables.

# ---- Event type (see guardduty-classification.map for the scheme) -----------------------------
type -> metadata.event_type | before_first ":" | lookup guardduty-purpose-event-types      # 1. attack sequences
"GENERIC_EVENT" -> metadata.event_type | when exists service.detection.sequence or resource.resourceType == AttackSequence
service.action.actionType -> metadata.event_type | lookup guardduty-action-event-types      # 2. the action kind [P]
"NETWORK_CONNECTION" -> metadata.event_type | when exists service.action.networkConnectionAction   # 2b. no actionType, but the action object says it
"SCAN_NETWORK" -> metadata.event_type | when exists service.action.portProbeAction
"NETWORK_DNS" -> metadata.event_type | when exists service.action.dnsRequestAction
"USER_RESOURCE_ACCESS" -> metadata.event_type | when exists service.action.awsApiCallAction or exists service.action.kubernetesApiCallAction
"USER_LOGIN" -> metadata.event_type | when exists service.action.rdsLoginAttemptAction
type -> metadata.event_type | lookup guardduty-runtime-event-types | when exists service.runtimeDetails   # 3. runtime, by what the process did
"PROCESS_UNCATEGORIZED" -> metadata.event_type | when exists service.runtimeDetails.process   #    runtime types not in the lookup
"SCAN_FILE" -> metadata.event_type | when (exists service.ebsVolumeScanDetails or exists service.malwareScanDetails) and exists resource.instanceDetails.instanceId   # 4. a scanned machine
"SCAN_UNCATEGORIZED" -> metadata.event_type | when exists service.ebsVolumeScanDetails or exists service.malwareScanDetails   #    S3 objects, snapshots, images, recovery points: no machine to name
"GENERIC_EVENT" -> metadata.event_type                             # 5. everything else, unknown types included

# ---- Security result: what GuardDuty concluded ------------------------------------------------
type -> security_result.rule_name                                  # [E] rule.name
type -> security_result.rule_set | before_first "/"                # [E] rule.ruleset: purpose:resource, e.g. Recon:EC2
type -> security_result.category_details | before_first ":"        # [E] [P] the threat purpose, e.g. UnauthorizedAccess
type -> security_result.category[] | before_first ":" | lookup guardduty-purpose-categories   # [P] by purpose; UNKNOWN_CATEGORY for unknown purposes
type -> security_result.category[] | lookup guardduty-type-categories   # [added] a second category where the family says more (C&C, DoS, Tor, phishing)
title -> security_result.summary                                   # [G]
description -> security_result.description                         # [G]
severity -> security_result.severity | lookup guardduty-severity   # [G] [G-rules] bucketed, bands in the lookup
severity -> security_result.severity_details | string              # [G 2022-03-31] the number as given
@check severity > 10 "severity above the documented 0-10 scale (kept as CRITICAL)"
confidence -> security_result.confidence_score                     # [P]
service.eventFirstSeen -> security_result.first_discovered_time | timestamp   # [G 2026] [E] event.start
service.eventLastSeen -> security_result.last_discovered_time | timestamp     # [P] [E] event.end
customDetectionRuleName -> security_result.rule_labels["customDetectionRuleName"]   # [added] findings of custom detection rules
associatedAttackSequenceArn -> security_result.detection_fields["associatedAttackSequenceArn"]   # [added] the attack sequence this finding is a signal of
# ATT&CK [G 2023-08-18 "derived from the finding type"; the tables are ours, see the lookups]:
type -> security_result.attack_details.tactics.id | before_first ":" | lookup guardduty-purpose-tactic-ids
type -> security_result.attack_details.tactics.name | before_first ":" | lookup guardduty-purpose-tactic-ids | lookup attack-tactic-names
type -> security_result.attack_details.techniques.id | lookup guardduty-type-technique-ids
type -> security_result.attack_details.techniques.name | lookup guardduty-type-technique-ids | lookup attack-technique-names
# Threat intelligence:
service.additionalInfo.threatListName -> security_result.threat_feed_name   # [G]
service.evidence.threatIntelligenceDetails[*].threatListName -> security_result.threat_feed_name   # [P] when additionalInfo has none
service.additionalInfo.threatName -> security_result.threat_name   # [G]
service.evidence.threatIntelligenceDetails[*].threatNames[*] -> security_result.threat_name   # [P] the first threat name
service.evidence.threatIntelligenceDetails[*].threatNames[*] -> security_result.detection_fields["threatName"]   # [added] every threat name
service.evidence.threatIntelligenceDetails[*].threatFileSha256 -> security_result.detection_fields["threatFileSha256"]   # [added]
service.additionalInfo.userAgent.fullUserAgent -> network.http.user_agent   # [G]
service.additionalInfo.userAgent.userAgentCategory -> security_result.detection_fields["userAgentCategory"]   # [G]
service.additionalInfo.portsScannedSample[*] -> about[].port        # [G] about.port, one about noun per port
service.additionalInfo.recentCredentials[*].ipAddressV4 -> intermediary[*].ip[] | when is_ip   # [G] intermediary; the credentials recently used from the instance
service.additionalInfo.recentCredentials[*].accessKeyId -> intermediary[*].user.userid
service.additionalInfo.recentCredentials[*].principalId -> intermediary[*].user.product_object_id
# [G 2024-03-05] additionalInfo -> security_result.about.resource.attribute.labels. Both forms: in
# EventBridge / S3 exports the keys sit directly under additionalInfo (each leaf one label); in API
# and AWS CLI output additionalInfo is {value: "<JSON text>", type} and the JSON text is one label,
# "value". Google also copies them to security_result.about.labels, the deprecated Noun.labels: not
# duplicated here (the Sample label below is the one rule-relevant key).
service.additionalInfo -> security_result.about.resource.attribute.labels | flatten
# Sample findings (generated by CreateSampleFindings) are labelled where Google's parser puts the
# flag and its rules look for it [G] [G-rules]: security_result.about.labels["Sample"] = "true". The
# flag is additionalInfo.sample (EventBridge/S3 form, a boolean or the string "true"). In the API form
# it is inside the JSON text of additionalInfo.value, which the table language cannot look into: the
# exact text GuardDuty writes for most samples, {"sample":true}, is matched; a value holding more keys
# is not recognised (see the report: no "contains" condition or JSON-text parsing stage).
"true" -> security_result.about.labels["Sample"] | when service.additionalInfo.sample == true or service.additionalInfo.value in ("{\"sample\":true}", "{\"sample\": true}")

# ---- The finding's resource: target.resource ---------------------------------------------------
# Tags are key/value labels (tags[*].key -> labels[*].key, tags[*].value -> labels[*].value: one label
# per tag with the tag's own key, which reads better than '| flatten' of the array, whose keys would be
# "0.key", "0.value"). Each resource's tag rules come before its other labels, so the tags are listed first.
resource.resourceType -> target.resource.resource_subtype           # [G] Instance, AccessKey, S3Bucket, ...
resource.resourceType -> target.resource.resource_type | lookup guardduty-resource-types   # [added] the UDM kind

# Access key: the key used is the finding's resource.
@when resource.resourceType == AccessKey
resource.accessKeyDetails.accessKeyId -> target.resource.product_object_id   # [G 2024-02-26] for API calls
resource.accessKeyDetails.userName -> target.resource.name          # [added] whose key it is
@end

# EC2 instance: its tags are on target.asset [G], listed before its other labels.
resource.instanceDetails.tags[*].key -> target.asset.attribute.labels[*].key   # [G] tags as key/value labels
resource.instanceDetails.tags[*].value -> target.asset.attribute.labels[*].value
# [G] instanceId -> target.resource.product_object_id; the instance's resource labels
# follow it there when the instance is the finding's resource, and go to target.asset (the instance's
# machine, where Google puts its zone, platform and tags) when the finding is about something else.
@when resource.resourceType == Instance
resource.instanceDetails.instanceId -> target.resource.product_object_id   # [G]
resource.instanceDetails.tags[key=Name].value -> target.resource.name     # [added] the instance's Name tag, when it has one
resource.instanceDetails.productCodes[0].productCodeType -> target.resource.type   # [G] (Resource.type, deprecated)
resource.instanceDetails.instanceState -> target.resource.attribute.labels["instanceState"]   # [G]
resource.instanceDetails.instanceType -> target.resource.attribute.labels["instanceType"]   # [G]
resource.instanceDetails.outpostArn -> target.resource.attribute.labels["outpostArn"]   # [G]
resource.instanceDetails.iamInstanceProfile.arn -> target.resource.attribute.labels["iamInstanceProfileArn"]   # [G]
resource.instanceDetails.iamInstanceProfile.id -> target.resource.attribute.labels["iamInstanceProfileId"]   # [G]
resource.instanceDetails.networkInterfaces[*].networkInterfaceId -> target.resource.attribute.labels["networkInterfaceId"]   # [G] [0]; every interface
resource.instanceDetails.networkInterfaces[*].privateDnsName -> target.resource.attribute.labels["privateDnsName"]   # [G]
resource.instanceDetails.networkInterfaces[*].publicDnsName -> target.resource.attribute.labels["publicDnsName"]   # [G]
resource.instanceDetails.networkInterfaces[*].subnetId -> target.resource.attribute.labels["subnetId"]   # [G]
resource.instanceDetails.networkInterfaces[*].vpcId -> target.resource.attribute.labels["vpcId"]   # [added] [G 2026-07-27] dropped target.asset.attribute.cloud.vpc.id as deprecated; the id is kept as a label
resource.instanceDetails.networkInterfaces[*].securityGroups[*].groupId -> target.resource.attribute.labels["securityGroupId"]   # [departs] Google writes target.user.group_identifiers: a security group is not a user's group
resource.instanceDetails.networkInterfaces[*].securityGroups[*].groupName -> target.resource.attribute.labels["securityGroupName"]   # [departs] as above
@end
@when exists resource.instanceDetails and resource.resourceType != Instance
resource.instanceDetails.instanceState -> target.asset.attribute.labels["instanceState"]   # [departs] target.resource is another resource here
resource.instanceDetails.instanceType -> target.asset.attribute.labels["instanceType"]
resource.instanceDetails.outpostArn -> target.asset.attribute.labels["outpostArn"]
resource.instanceDetails.iamInstanceProfile.arn -> target.asset.attribute.labels["iamInstanceProfileArn"]
resource.instanceDetails.iamInstanceProfile.id -> target.asset.attribute.labels["iamInstanceProfileId"]
resource.instanceDetails.networkInterfaces[*].networkInterfaceId -> target.asset.attribute.labels["networkInterfaceId"]
resource.instanceDetails.networkInterfaces[*].privateDnsName -> target.asset.attribute.labels["privateDnsName"]
resource.instanceDetails.networkInterfaces[*].publicDnsName -> target.asset.attribute.labels["publicDnsName"]
resource.instanceDetails.networkInterfaces[*].subnetId -> target.asset.attribute.labels["subnetId"]
resource.instanceDetails.networkInterfaces[*].vpcId -> target.asset.attribute.labels["vpcId"]
resource.instanceDetails.networkInterfaces[*].securityGroups[*].groupId -> target.asset.attribute.labels["securityGroupId"]
resource.instanceDetails.networkInterfaces[*].securityGroups[*].groupName -> target.asset.attribute.labels["securityGroupName"]
@end

# S3 buckets and objects. In S3Bucket findings the first bucket is target.resource; in S3Object
# findings the object is, and its bucket is the ancestor; in other findings that name buckets (e.g.
# AccessKey findings about bucket policies) the buckets are about nouns, as are the buckets after the
# first. [G] s3BucketDetails[0].arn|name -> target.resource.name: the name wins (it is what people
# search for), the ARN is the product object id. [departs] Google applies the row whatever the
# finding's resource is; on an AccessKey finding that would name the key's resource after a bucket.
@when resource.resourceType == S3Object
resource.s3BucketDetails[0].s3ObjectDetails[0].key -> target.resource.name                   # [added] the object is the resource
resource.s3BucketDetails[0].s3ObjectDetails[0].objectArn -> target.resource.product_object_id
resource.s3BucketDetails[0].s3ObjectDetails[0].versionId -> target.resource.attribute.labels["versionId"]
resource.s3BucketDetails[0].s3ObjectDetails[0].eTag -> target.resource.attribute.labels["eTag"]
resource.s3BucketDetails[0].name -> target.resource_ancestors.name          # [added] the object's bucket is its ancestor
resource.s3BucketDetails[0].arn -> target.resource_ancestors.product_object_id
"S3Bucket" -> target.resource_ancestors.resource_subtype | when exists resource.s3BucketDetails[0].name   # (resource_type STORAGE_BUCKET would be the UDM kind; the test oracle knows no enum values for resource_ancestors, so the ancestor says it in GuardDuty's word)
resource.s3BucketDetails[0].tags[*].key -> target.resource_ancestors.attribute.labels[*].key
resource.s3BucketDetails[0].tags[*].value -> target.resource_ancestors.attribute.labels[*].value
resource.s3BucketDetails[0].type -> target.resource_ancestors.attribute.labels["bucketType"]
resource.s3BucketDetails[0].owner.id -> target.resource_ancestors.attribute.labels["ownerId"]
resource.s3BucketDetails[0].publicAccess.effectivePermission -> target.resource_ancestors.attribute.labels["effectivePermission"]
resource.s3BucketDetails[0].defaultServerSideEncryption.encryptionType -> target.resource_ancestors.attribute.labels["encryptionType"]
resource.s3BucketDetails[0].defaultServerSideEncryption.kmsMasterKeyArn -> target.resource_ancestors.attribute.labels["kmsMasterKeyArn"] | when resource.s3BucketDetails[0].defaultServerSideEncryption.kmsMasterKeyArn != "null"
resource.s3BucketDetails[0].createdAt -> target.resource_ancestors.attribute.creation_time
@end
@when resource.resourceType == S3Bucket
resource.s3BucketDetails[0].name -> target.resource.name            # [G]
resource.s3BucketDetails[0].arn -> target.resource.name             # [G] when the name is missing
# [departs] Google's 2024-02-26 row puts the access key id in target.resource.product_object_id for :S3
# types; the bucket is the resource here, so its ARN goes there and the key stays on principal.user [G].
resource.s3BucketDetails[0].arn -> target.resource.product_object_id   # [P]
# [departs] [G 2024-02-26] createdAt|tags -> principal.resource.attribute.labels: they describe the
# bucket, not the caller. createdAt is typed, tags are key/value labels.
resource.s3BucketDetails[0].tags[*].key -> target.resource.attribute.labels[*].key
resource.s3BucketDetails[0].tags[*].value -> target.resource.attribute.labels[*].value
resource.s3BucketDetails[0].type -> target.resource.attribute.labels["bucketType"]   # [G] Source / Destination
resource.s3BucketDetails[0].owner.id -> target.resource.attribute.labels["ownerId"]   # [G]
resource.s3BucketDetails[0].publicAccess.effectivePermission -> target.resource.attribute.labels["effectivePermission"]   # [G]
resource.s3BucketDetails[0].defaultServerSideEncryption.encryptionType -> target.resource.attribute.labels["encryptionType"]   # [departs] Google writes network.tls.client.supported_ciphers, a misuse (the mapping notes say "do not copy")
resource.s3BucketDetails[0].defaultServerSideEncryption.kmsMasterKeyArn -> target.resource.attribute.labels["kmsMasterKeyArn"] | when resource.s3BucketDetails[0].defaultServerSideEncryption.kmsMasterKeyArn != "null"   # [added]; the text "null" some tools write is no key
resource.s3BucketDetails[0].createdAt -> target.resource.attribute.creation_time
@end
@when exists resource.s3BucketDetails and (exists resource.s3BucketDetails[1] or not resource.resourceType in (S3Bucket, S3Object))
resource.s3BucketDetails[*].name -> about[*].resource.name
resource.s3BucketDetails[*].arn -> about[*].resource.product_object_id
resource.s3BucketDetails[*].name -> about[*].resource.resource_type | lookup guardduty-kind-bucket   # STORAGE_BUCKET for each (see the lookup)
resource.s3BucketDetails[*].type -> about[*].resource.attribute.labels["bucketType"]
resource.s3BucketDetails[*].owner.id -> about[*].resource.attribute.labels["ownerId"]
resource.s3BucketDetails[*].publicAccess.effectivePermission -> about[*].resource.attribute.labels["effectivePermission"]
resource.s3BucketDetails[*].defaultServerSideEncryption.encryptionType -> about[*].resource.attribute.labels["encryptionType"]
resource.s3BucketDetails[*].createdAt -> about[*].resource.attribute.creation_time
resource.s3BucketDetails[*].defaultServerSideEncryption.kmsMasterKeyArn -> about[*].resource.attribute.labels["kmsMasterKeyArn"] | when resource.s3BucketDetails[0].defaultServerSideEncryption.kmsMasterKeyArn != "null"
resource.s3BucketDetails[*].tags -> about[*].resource.attribute.labels["tags"] | json   # inside a list of buckets the tags cannot be paired key with value (an inner [*] keeps the outer number): one JSON label
@end
# [G] permissionConfiguration.* -> additional.fields (bool_value, account and bucket level). Copied as the
# object GuardDuty wrote (the flags keep their JSON type; some tools write them as "false" strings).
resource.s3BucketDetails[0].publicAccess.permissionConfiguration -> additional["s3PermissionConfiguration"]
# The malware scan's object, as a file (S3 malware protection findings).
"s3://" + resource.s3BucketDetails[0].name + "/" + resource.s3BucketDetails[0].s3ObjectDetails[0].key -> target.file.full_path   # [added]
resource.s3BucketDetails[0].s3ObjectDetails[0].hash -> target.file.sha256   # [added] hash of the threat found in the object

# EKS cluster (Kubernetes findings). [P] name / arn; [G 2024-02-26] createdAt|tags -> target.resource.attribute.labels.
resource.eksClusterDetails.name -> target.resource.name             # [P]
resource.eksClusterDetails.arn -> target.resource.product_object_id   # [P]
resource.eksClusterDetails.tags[*].key -> target.resource.attribute.labels[*].key   # [G 2024-02-26] tags as key/value labels
resource.eksClusterDetails.tags[*].value -> target.resource.attribute.labels[*].value
resource.eksClusterDetails.status -> target.resource.attribute.labels["clusterStatus"]   # [added]
resource.eksClusterDetails.vpcId -> target.resource.attribute.labels["vpcId"]   # [added]
resource.eksClusterDetails.createdAt -> target.resource.attribute.labels["createdAt"]   # [G 2024-02-26]
resource.eksClusterDetails.createdAt -> target.resource.attribute.creation_time   # [added] the same, typed

# ECS cluster and task.
resource.ecsClusterDetails.name -> target.resource.name             # [added]
resource.ecsClusterDetails.arn -> target.resource.product_object_id   # [added]
resource.ecsClusterDetails.tags[*].key -> target.resource.attribute.labels[*].key
resource.ecsClusterDetails.tags[*].value -> target.resource.attribute.labels[*].value
resource.ecsClusterDetails.status -> target.resource.attribute.labels["clusterStatus"]
resource.ecsClusterDetails.activeServicesCount -> target.resource.attribute.labels["activeServicesCount"]
resource.ecsClusterDetails.registeredContainerInstancesCount -> target.resource.attribute.labels["registeredContainerInstancesCount"]
resource.ecsClusterDetails.runningTasksCount -> target.resource.attribute.labels["runningTasksCount"]
resource.ecsClusterDetails.taskDetails.arn -> target.resource.attribute.labels["taskArn"]
resource.ecsClusterDetails.taskDetails.definitionArn -> target.resource.attribute.labels["taskDefinitionArn"]
resource.ecsClusterDetails.taskDetails.version -> target.resource.attribute.labels["taskVersion"]
resource.ecsClusterDetails.taskDetails.createdAt -> target.resource.attribute.labels["taskCreatedAt"]
resource.ecsClusterDetails.taskDetails.startedAt -> target.resource.attribute.labels["taskStartedAt"]
resource.ecsClusterDetails.taskDetails.startedBy -> target.resource.attribute.labels["taskStartedBy"]
resource.ecsClusterDetails.taskDetails.group -> target.resource.attribute.labels["taskGroup"]
resource.ecsClusterDetails.taskDetails.launchType -> target.resource.attribute.labels["launchType"]
resource.ecsClusterDetails.taskDetails.containers[*].name -> target.resource.attribute.labels["taskContainerName"]
resource.ecsClusterDetails.taskDetails.containers[*].image -> target.resource.attribute.labels["taskContainerImage"]
# The task's own tags would share the cluster's key/value labels: kept as one JSON label instead.
resource.ecsClusterDetails.taskDetails.tags -> target.resource.attribute.labels["taskTags"] | json

# Container. The finding's resource when resourceType is Container; otherwise (Kubernetes and ECS
# findings) the container the activity happened in, described on the cluster resource.
@when resource.resourceType == Container
resource.containerDetails.name -> target.resource.name
resource.containerDetails.id -> target.resource.product_object_id
@end
resource.containerDetails.id -> target.resource.attribute.labels["containerId"] | when resource.resourceType != Container
resource.containerDetails.name -> target.resource.attribute.labels["containerName"] | when resource.resourceType != Container
resource.containerDetails.image -> target.resource.attribute.labels["containerImage"]
resource.containerDetails.imagePrefix -> target.resource.attribute.labels["containerImagePrefix"]
resource.containerDetails.containerRuntime -> target.resource.attribute.labels["containerRuntime"]
resource.containerDetails.securityContext.privileged -> target.resource.attribute.labels["privileged"]
resource.containerDetails.securityContext.allowPrivilegeEscalation -> target.resource.attribute.labels["allowPrivilegeEscalation"]
resource.containerDetails.volumeMounts[*].mountPath -> target.resource.attribute.labels["volumeMountPath"]

# Kubernetes workload (inside the EKS cluster): [P] name / namespace / type.
resource.kubernetesDetails.kubernetesWorkloadDetails.namespace -> target.namespace   # [added] Noun.namespace
resource.kubernetesDetails.kubernetesWorkloadDetails.name -> target.resource.attribute.labels["workloadName"]   # [P]
resource.kubernetesDetails.kubernetesWorkloadDetails.type -> target.resource.attribute.labels["workloadType"]   # [P]
resource.kubernetesDetails.kubernetesWorkloadDetails.uid -> target.resource.attribute.labels["workloadUid"]
resource.kubernetesDetails.kubernetesWorkloadDetails.serviceAccountName -> target.resource.attribute.labels["serviceAccountName"]
resource.kubernetesDetails.kubernetesWorkloadDetails.hostNetwork -> target.resource.attribute.labels["hostNetwork"]
resource.kubernetesDetails.kubernetesWorkloadDetails.hostIPC -> target.resource.attribute.labels["hostIPC"]
resource.kubernetesDetails.kubernetesWorkloadDetails.hostPID -> target.resource.attribute.labels["hostPID"]
resource.kubernetesDetails.kubernetesWorkloadDetails.containers[*].name -> target.resource.attribute.labels["containerName"]
resource.kubernetesDetails.kubernetesWorkloadDetails.containers[*].image -> target.resource.attribute.labels["containerImage"]
resource.kubernetesDetails.kubernetesWorkloadDetails.containers[*].securityContext.privileged -> target.resource.attribute.labels["privileged"]
resource.kubernetesDetails.kubernetesWorkloadDetails.containers[*].volumeMounts[*].mountPath -> target.resource.attribute.labels["volumeMountPath"]
resource.kubernetesDetails.kubernetesWorkloadDetails.volumes[*].hostPath.path -> target.resource.attribute.labels["hostPath"]

# RDS database instance and Aurora Limitless database. [G] dbInstanceArn -> name, identifier ->
# product_object_id, cluster -> resource_ancestors.
resource.rdsDbInstanceDetails.dbInstanceArn -> target.resource.name   # [G]
resource.rdsDbInstanceDetails.dbInstanceIdentifier -> target.resource.product_object_id   # [G]
resource.rdsDbInstanceDetails.dbClusterIdentifier -> target.resource_ancestors.product_object_id   # [G]
resource.rdsDbInstanceDetails.engine -> target.application          # [P] the database engine is what is logged into
resource.rdsDbInstanceDetails.tags[*].key -> target.resource.attribute.labels[*].key
resource.rdsDbInstanceDetails.tags[*].value -> target.resource.attribute.labels[*].value
resource.rdsDbInstanceDetails.engineVersion -> target.resource.attribute.labels["engineVersion"]
resource.rdsDbInstanceDetails.dbiResourceId -> target.resource.attribute.labels["dbiResourceId"]
resource.rdsLimitlessDbDetails.dbShardGroupArn -> target.resource.name   # [added] as the instance's ARN
resource.rdsLimitlessDbDetails.dbShardGroupIdentifier -> target.resource.product_object_id
resource.rdsLimitlessDbDetails.tags[*].key -> target.resource.attribute.labels[*].key
resource.rdsLimitlessDbDetails.tags[*].value -> target.resource.attribute.labels[*].value
resource.rdsLimitlessDbDetails.dbShardGroupResourceId -> target.resource.attribute.labels["dbShardGroupResourceId"]
resource.rdsLimitlessDbDetails.dbClusterIdentifier -> target.resource_ancestors.product_object_id
resource.rdsLimitlessDbDetails.engine -> target.application
resource.rdsLimitlessDbDetails.engineVersion -> target.resource.attribute.labels["engineVersion"]
resource.rdsDbUserDetails.database -> target.resource.attribute.labels["database"]   # [added] the database inside the instance
resource.rdsDbUserDetails.ssl -> target.resource.attribute.labels["ssl"]

# Lambda function.
resource.lambdaDetails.functionName -> target.resource.name         # [P]
resource.lambdaDetails.functionArn -> target.resource.product_object_id   # [P]
resource.lambdaDetails.tags[*].key -> target.resource.attribute.labels[*].key
resource.lambdaDetails.tags[*].value -> target.resource.attribute.labels[*].value
resource.lambdaDetails.lastModifiedAt -> target.resource.attribute.last_update_time
resource.lambdaDetails.description -> target.resource.attribute.labels["description"]
resource.lambdaDetails.functionVersion -> target.resource.attribute.labels["functionVersion"]
resource.lambdaDetails.revisionId -> target.resource.attribute.labels["revisionId"]
resource.lambdaDetails.role -> target.resource.attribute.roles.name   # [P] the execution role
resource.lambdaDetails.vpcConfig.vpcId -> target.resource.attribute.labels["vpcId"]
resource.lambdaDetails.vpcConfig.subnetIds[*] -> target.resource.attribute.labels["subnetId"]
resource.lambdaDetails.vpcConfig.securityGroups[*].groupId -> target.resource.attribute.labels["securityGroupId"]

# EBS snapshot, EC2 image (AMI) and AWS Backup recovery point (Malware Protection for Backup).
resource.ebsSnapshotDetails.snapshotArn -> target.resource.name
resource.ebsSnapshotDetails.snapshotArn -> target.resource.product_object_id | after_last "/"   # snap-…
resource.ec2ImageDetails.imageArn -> target.resource.name
resource.ec2ImageDetails.imageArn -> target.resource.product_object_id | after_last "/"   # ami-…
resource.recoveryPointDetails.recoveryPointArn -> target.resource.name
resource.recoveryPointDetails.recoveryPointArn -> target.resource.product_object_id | after_last ":"
resource.recoveryPointDetails.backupVaultName -> target.resource_ancestors.name   # [added] the vault holds the recovery point
"BACKUP_VAULT" -> target.resource_ancestors.resource_subtype | when exists resource.recoveryPointDetails.backupVaultName
resource.recoveryPointDetails.continuousScanDetails.startTime -> target.resource.attribute.labels["continuousScanStartTime"]
resource.recoveryPointDetails.continuousScanDetails.endTime -> target.resource.attribute.labels["continuousScanEndTime"]

# Scanned EBS volumes (EBS malware protection): one about noun per volume.
resource.ebsVolumeDetails.scannedVolumeDetails[*].volumeArn -> about[*].resource.name
resource.ebsVolumeDetails.scannedVolumeDetails[*].volumeArn -> about[*].resource.product_object_id | after_last "/"   # vol-…
resource.ebsVolumeDetails.scannedVolumeDetails[*].deviceName -> about[*].resource.attribute.labels["deviceName"]
resource.ebsVolumeDetails.scannedVolumeDetails[*].volumeType -> about[*].resource.attribute.labels["volumeType"]
resource.ebsVolumeDetails.scannedVolumeDetails[*].volumeSizeInGB -> about[*].resource.attribute.labels["volumeSizeInGB"]
resource.ebsVolumeDetails.scannedVolumeDetails[*].encryptionType -> about[*].resource.attribute.labels["encryptionType"]
resource.ebsVolumeDetails.scannedVolumeDetails[*].snapshotArn -> about[*].resource.attribute.labels["snapshotArn"]
resource.ebsVolumeDetails.scannedVolumeDetails[*].kmsKeyArn -> about[*].resource.attribute.labels["kmsKeyArn"] | when resource.ebsVolumeDetails.scannedVolumeDetails[0].kmsKeyArn != "null"
resource.ebsVolumeDetails.scannedVolumeDetails[*].volumeArn -> about[*].resource.resource_type | lookup guardduty-kind-volume   # VOLUME for each (see the lookup)
resource.ebsVolumeDetails.skippedVolumeDetails[*].volumeArn -> security_result.detection_fields["skippedVolumeArn"]

# Bedrock guardrails and models (AI protection findings).
resource.bedrockGuardrailDetails.guardrailArn -> target.resource.name
resource.bedrockGuardrailDetails.guardrailVersion -> target.resource.attribute.labels["guardrailVersion"]
resource.bedrockGuardrailDetails.guardrailAction -> target.resource.attribute.labels["guardrailAction"]
resource.bedrockGuardrailDetails.guardrailSource -> target.resource.attribute.labels["guardrailSource"]
resource.modelDetails[*].modelId -> target.resource.attribute.labels["modelId"]

# Fallbacks [G]: the instance and access key ids identify the resource when nothing above did.
resource.instanceDetails.instanceId -> target.resource.product_object_id   # [G]
resource.accessKeyDetails.accessKeyId -> target.resource.product_object_id | when service.action.actionType in (AWS_API_CALL, KUBERNETES_API_CALL)   # [G 2024-02-26] (":Kubernetes or :S3 types" always carry one of these actions)

# ---- The EC2 instance's machine: target.asset [G] ---------------------------------------------
resource.instanceDetails.availabilityZone -> target.asset.attribute.cloud.availability_zone   # [G]
resource.instanceDetails.platform -> target.asset.platform_software.platform_version   # [G]
resource.instanceDetails.imageId -> additional["imageId"]            # [G]
resource.instanceDetails.instanceId -> target.asset.product_object_id   # [added] the instance's id on its machine too: on findings about another resource target.resource names that one
resource.instanceDetails.productCodes[*].productCodeId -> target.asset.attribute.labels["productCodeId"]   # [added] Marketplace product codes
resource.instanceDetails.productCodes[*].productCodeType -> target.asset.attribute.labels["productCodeType"]
# networkInterfaces[].privateIpAddresses[] repeats the primary privateIpAddress with any secondary
# ones; mapping both would list the primary address twice, so only privateIpAddress is read.

# ---- Who acted: the instance (network, DNS, port-probe, runtime and other findings) ------------
@when not (service.action.actionType in (AWS_API_CALL, KUBERNETES_API_CALL, RDS_LOGIN_ATTEMPT) or exists service.action.awsApiCallAction or exists service.action.kubernetesApiCallAction or exists service.action.rdsLoginAttemptAction or exists service.ebsVolumeScanDetails or exists service.malwareScanDetails)
# [G] localIpDetails -> principal.ip; [G] networkInterfaces[0].privateIpAddress|publicIp -> principal.ip.
# The connection's local address comes first, the instance's primary private address when there is
# none (they are usually the same: one of them, not both), then the public address.
service.action.networkConnectionAction.localIpDetails.ipAddressV4 ?? service.action.networkConnectionAction.localIpDetails.ipAddressV6 ?? service.action.portProbeAction.portProbeDetails[0].localIpDetails.ipAddressV4 ?? service.action.portProbeAction.portProbeDetails[0].localIpDetails.ipAddressV6 ?? resource.instanceDetails.networkInterfaces[0].privateIpAddress -> principal.ip[] | when is_ip
resource.instanceDetails.networkInterfaces[0].publicIp -> principal.ip[] | when is_ip   # [G]
resource.instanceDetails.networkInterfaces[*].privateIpAddress -> principal.asset.ip[] | when is_ip   # [G 2026] dataVal.publicIp -> principal.asset.ip; every address of every interface
resource.instanceDetails.networkInterfaces[*].publicIp -> principal.asset.ip[] | when is_ip
resource.instanceDetails.networkInterfaces[*].ipv6Addresses[*] -> principal.asset.ip[] | when is_ip
resource.instanceDetails.launchTime -> principal.resource.attribute.creation_time   # [G 2026] (the document said target.resource.attribute.creation_time; the change log wins)
resource.instanceDetails.imageDescription -> principal.resource.attribute.labels["imageDescription"]   # [G]
@end
# ---- ... or the instance is acted on (API calls with its credentials, malware scans) -----------
@when exists resource.instanceDetails and (service.action.actionType in (AWS_API_CALL, KUBERNETES_API_CALL, RDS_LOGIN_ATTEMPT) or exists service.action.awsApiCallAction or exists service.action.kubernetesApiCallAction or exists service.action.rdsLoginAttemptAction or exists service.ebsVolumeScanDetails or exists service.malwareScanDetails)
# [departs] Google writes the instance's addresses to principal.ip for every finding; in these the
# principal is the caller (or the scanner), so the instance's addresses describe the target's machine.
resource.instanceDetails.networkInterfaces[*].privateIpAddress -> target.asset.ip[] | when is_ip
resource.instanceDetails.networkInterfaces[*].publicIp -> target.asset.ip[] | when is_ip
resource.instanceDetails.networkInterfaces[*].ipv6Addresses[*] -> target.asset.ip[] | when is_ip
resource.instanceDetails.launchTime -> target.asset.attribute.creation_time   # [departs] as above
resource.instanceDetails.imageDescription -> target.asset.attribute.labels["imageDescription"]   # [departs] as above
@end
# A scanned instance is the scan's target machine (SCAN_FILE requires one). UDM asset ids take a
# "namespace:id" form.
"AWS:" + resource.instanceDetails.instanceId -> target.asset_id | when exists service.ebsVolumeScanDetails or exists service.malwareScanDetails   # [added]

# ---- Who acted: users ------------------------------------------------------------------------
# Kubernetes users first (a Kubernetes finding's caller), then the IAM access key [G], RDS users [G],
# the process's user (runtime), and the first actor of an attack sequence.
resource.kubernetesDetails.kubernetesUserDetails.username -> principal.user.userid   # [G]
resource.accessKeyDetails.accessKeyId -> principal.user.userid       # [G]
# resource.accessKeyDetails.principalId -> principal.user.userid [G]: the access key id above always
# wins when both are there (first non-empty wins), so the principal id goes where [P] [E] put it:
resource.accessKeyDetails.principalId -> principal.user.product_object_id   # [P] [E] user.id
resource.rdsDbUserDetails.user -> principal.user.userid              # [G]
service.runtimeDetails.process.user -> principal.user.userid         # [P] the account the process ran as
service.detection.sequence.actors[0].user.uid -> principal.user.userid   # [added] attack sequences
resource.accessKeyDetails.userName -> principal.user.user_display_name   # [G] [G-rules]
service.detection.sequence.actors[0].user.name -> principal.user.user_display_name
resource.accessKeyDetails.userType -> principal.user.attribute.roles.name   # [G] Root, IAMUser, AssumedRole, ...
resource.kubernetesDetails.kubernetesUserDetails.uid -> principal.user.product_object_id   # [P]
resource.kubernetesDetails.kubernetesUserDetails.groups[*] -> principal.user.group_identifiers[]   # [P] [E] user.roles
resource.kubernetesDetails.kubernetesUserDetails.sessionName[*] -> principal.user.attribute.labels["sessionName"]
resource.kubernetesDetails.kubernetesUserDetails.impersonatedUser.username -> principal.user.attribute.labels["impersonatedUser"]
resource.kubernetesDetails.kubernetesUserDetails.impersonatedUser.groups[*] -> principal.user.attribute.labels["impersonatedGroup"]
service.action.awsApiCallAction.remoteAccountDetails.accountId -> principal.user.group_identifiers[]   # [P] the caller's account (as cloudtrail.map writes userIdentity.accountId)
service.action.awsApiCallAction.remoteAccountDetails.affiliated -> principal.user.attribute.labels["remoteAccountAffiliated"]   # [P]
service.action.awsApiCallAction.remoteAccountDetails.awsServiceName -> principal.user.attribute.labels["remoteAwsServiceName"]
service.detection.sequence.actors[0].user.account.uid -> principal.user.group_identifiers[]
service.detection.sequence.actors[0].user.type -> principal.user.attribute.roles.name
service.detection.sequence.actors[0].session.mfaStatus -> principal.user.attribute.labels["mfaStatus"]
service.detection.sequence.actors[0].user.credentialUid -> principal.user.attribute.labels["credentialUid"]
resource.rdsDbUserDetails.application -> principal.application       # [P] the client application

# ---- Network connection ------------------------------------------------------------------------
service.action.networkConnectionAction.connectionDirection -> network.direction | lookup guardduty-directions   # [G] [E]
service.action.networkConnectionAction.protocol -> network.ip_protocol | upper | lookup guardduty-ip-protocols   # [G]
service.action.networkConnectionAction.blocked -> security_result.action | lookup guardduty-blocked-actions   # [G]
service.action.networkConnectionAction.localPortDetails.port -> principal.port   # [G]
service.action.networkConnectionAction.localPortDetails.portName -> principal.application | when service.action.networkConnectionAction.localPortDetails.portName != Unknown   # [G 2022-03-31] when not "Unknown"
service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 ?? service.action.networkConnectionAction.remoteIpDetails.ipAddressV6 -> target.ip[] | when is_ip   # [G]
service.action.networkConnectionAction.remotePortDetails.port -> target.port   # [G]
service.action.networkConnectionAction.remotePortDetails.portName -> target.application | when service.action.networkConnectionAction.remotePortDetails.portName != Unknown   # [G]
service.action.networkConnectionAction.remoteIpDetails.city.cityName -> principal.location.city   # [G 2026-07-27] the remote side's geography
service.action.networkConnectionAction.remoteIpDetails.country.countryName ?? service.action.networkConnectionAction.remoteIpDetails.country.countryCode -> principal.location.country_or_region   # [G 2026-07-27]
service.action.networkConnectionAction.remoteIpDetails.geoLocation.lat -> principal.location.region_latitude   # [added] with the city and country
service.action.networkConnectionAction.remoteIpDetails.geoLocation.lon -> principal.location.region_longitude   # [added]
service.action.networkConnectionAction.remoteIpDetails.organization.asn -> additional["asn"] | string   # [added] as Google does for API callers; an integer ASN (old findings) is written as text like the documented string form
service.action.networkConnectionAction.remoteIpDetails.organization.asnOrg -> additional["asnOrg"]
service.action.networkConnectionAction.remoteIpDetails.organization.isp -> additional["isp"]
service.action.networkConnectionAction.remoteIpDetails.organization.org -> additional["org"]
service.action.networkConnectionAction.localNetworkInterface -> principal.resource.attribute.labels["localNetworkInterface"]   # [added]

# ---- Port probe: remote hosts probing the instance ---------------------------------------------
"INBOUND" -> network.direction | when exists service.action.portProbeAction.portProbeDetails   # [added] a probe comes in, by definition
service.action.portProbeAction.blocked -> security_result.action | lookup guardduty-blocked-actions   # [G]
service.action.portProbeAction.blocked -> security_result.detection_fields["blocked"]   # [G 2026]
service.action.portProbeAction.portProbeDetails[0].localPortDetails.port -> target.port   # [G] the probed port
service.action.portProbeAction.portProbeDetails[0].localPortDetails.portName -> principal.application | when service.action.portProbeAction.portProbeDetails[0].localPortDetails.portName != Unknown   # [G]
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.ipAddressV4 -> target.ip[] | when is_ip   # [G] [0]; every prober
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.ipAddressV6 -> target.ip[] | when is_ip
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.city.cityName -> principal.location.city   # [G] target.location; [G 2026-07-27] moved to principal.location (applied here too)
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.country.countryName ?? service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.country.countryCode -> principal.location.country_or_region
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lat -> principal.location.region_latitude   # [G] region_latitude
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lon -> principal.location.region_longitude   # [G] region_longitude
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.organization.asn -> additional["asn"] | string
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.organization.asnOrg -> additional["asnOrg"]
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.organization.isp -> additional["isp"]
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.organization.org -> additional["org"]
# [added] One about noun per probe (the prober, its place and the port it probed), so every prober's
# details stay together when there are several.
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.ipAddressV4 -> about[*].ip[] | when is_ip
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.ipAddressV6 -> about[*].ip[] | when is_ip
service.action.portProbeAction.portProbeDetails[*].localPortDetails.port -> about[*].port
service.action.portProbeAction.portProbeDetails[*].localPortDetails.portName -> about[*].application
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.city.cityName -> about[*].location.city
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.country.countryName -> about[*].location.country_or_region
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.geoLocation.lat -> about[*].location.region_latitude
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.geoLocation.lon -> about[*].location.region_longitude
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.organization.asn -> about[*].network.asn | string
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.organization.asnOrg -> about[*].network.organization_name
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.organization.isp -> about[*].network.carrier_name

# ---- DNS request ------------------------------------------------------------------------------
service.action.dnsRequestAction.domain -> network.dns.questions.name   # [P] [E] dns.question.name
service.action.dnsRequestAction.domain -> principal.administrative_domain   # [G]
"DNS" -> network.application_protocol | when exists service.action.dnsRequestAction.domain   # [added]
service.action.dnsRequestAction.protocol -> network.ip_protocol | upper | lookup guardduty-ip-protocols   # [G]
service.action.dnsRequestAction.blocked -> security_result.action | lookup guardduty-blocked-actions   # [G]
service.action.dnsRequestAction.domainWithSuffix -> additional["domainWithSuffix"]   # [P]
service.action.dnsRequestAction.vpcOwnerAccountId -> additional["vpcOwnerAccountId"]   # [P]

# ---- AWS API call: the caller ------------------------------------------------------------------
service.action.awsApiCallAction.api -> principal.application         # [G]
service.action.awsApiCallAction.serviceName -> target.application    # [P] [E] event.provider: the service called
service.action.awsApiCallAction.callerType -> principal.group.attribute.labels["callerType"]   # [G] Remote IP, Domain, AWS Service
service.action.awsApiCallAction.errorCode -> security_result.rule_type   # [G]
"BLOCK" -> security_result.action | when exists service.action.awsApiCallAction.errorCode   # [added] an error code means the call was refused
service.action.awsApiCallAction.domainDetails.domain -> network.dns.questions.name   # [G 2024-03-11]
service.action.awsApiCallAction.userAgent -> network.http.user_agent   # [P]
service.action.awsApiCallAction.affectedResources -> principal.resource.attribute.labels | flatten   # [G 2024-03-05] keys as AWS writes them (AWS::CloudTrail::Trail; Google renames them AWS_CloudTrail_Trail)
service.action.awsApiCallAction.remoteIpDetails.ipAddressV4 ?? service.action.awsApiCallAction.remoteIpDetails.ipAddressV6 -> principal.ip[] | when is_ip   # [departs] [G] says target.ip, [G-rules] read principal.ip: see the top
service.action.awsApiCallAction.remoteIpDetails.city.cityName -> principal.location.city   # [G] target.location; [G 2026-07-27] moved to principal.location
service.action.awsApiCallAction.remoteIpDetails.country.countryName ?? service.action.awsApiCallAction.remoteIpDetails.country.countryCode -> principal.location.country_or_region   # as above
service.action.awsApiCallAction.remoteIpDetails.geoLocation.lat -> principal.location.region_latitude   # [G] region_latitude, moved as above
service.action.awsApiCallAction.remoteIpDetails.geoLocation.lon -> principal.location.region_longitude
service.action.awsApiCallAction.remoteIpDetails.organization.asn -> additional["asn"] | string   # [G] additional.fields
service.action.awsApiCallAction.remoteIpDetails.organization.asnOrg -> additional["asnOrg"]   # [G]
service.action.awsApiCallAction.remoteIpDetails.organization.isp -> additional["isp"]   # [G]
service.action.awsApiCallAction.remoteIpDetails.organization.org -> additional["org"]   # [G]

# ---- Kubernetes API call: the caller -----------------------------------------------------------
service.action.kubernetesApiCallAction.remoteIpDetails.ipAddressV4 ?? service.action.kubernetesApiCallAction.remoteIpDetails.ipAddressV6 ?? service.action.kubernetesApiCallAction.sourceIPs[0] -> principal.ip[] | when is_ip   # [departs] [G] target.ip, as for AWS API callers; [E] source.ip
service.action.kubernetesApiCallAction.sourceIPs -> additional["sourceIPs"]   # [added] the caller and the proxies in between, as GuardDuty lists them
service.action.kubernetesApiCallAction.remoteIpDetails.city.cityName -> principal.location.city   # [G] target.location; [G 2026-07-27] moved
service.action.kubernetesApiCallAction.remoteIpDetails.country.countryName ?? service.action.kubernetesApiCallAction.remoteIpDetails.country.countryCode -> principal.location.country_or_region
service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lat -> principal.location.region_latitude
service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lon -> principal.location.region_longitude
service.action.kubernetesApiCallAction.remoteIpDetails.organization.asn -> additional["asn"] | string
service.action.kubernetesApiCallAction.remoteIpDetails.organization.asnOrg -> additional["asnOrg"]
service.action.kubernetesApiCallAction.remoteIpDetails.organization.isp -> additional["isp"]
service.action.kubernetesApiCallAction.remoteIpDetails.organization.org -> additional["org"]
service.action.kubernetesApiCallAction.requestUri -> target.url       # [P]
service.action.kubernetesApiCallAction.verb -> network.http.method    # [P]
service.action.kubernetesApiCallAction.statusCode -> network.http.response_code   # [P]
service.action.kubernetesApiCallAction.userAgent -> network.http.user_agent   # [P]
service.action.kubernetesApiCallAction.resource -> target.resource.attribute.labels["kubernetesResource"]
service.action.kubernetesApiCallAction.subresource -> target.resource.attribute.labels["kubernetesSubresource"]
service.action.kubernetesApiCallAction.resourceName -> target.resource.attribute.labels["kubernetesResourceName"]
service.action.kubernetesApiCallAction.namespace -> target.namespace
service.action.kubernetesApiCallAction.parameters -> target.resource.attribute.labels["requestParameters"]
service.action.kubernetesPermissionCheckedDetails.verb -> security_result.detection_fields["permissionCheckedVerb"]
service.action.kubernetesPermissionCheckedDetails.resource -> security_result.detection_fields["permissionCheckedResource"]
service.action.kubernetesPermissionCheckedDetails.namespace -> security_result.detection_fields["permissionCheckedNamespace"]
service.action.kubernetesPermissionCheckedDetails.allowed -> security_result.detection_fields["permissionCheckedAllowed"]
service.action.kubernetesRoleBindingDetails.name -> security_result.detection_fields["roleBindingName"]
service.action.kubernetesRoleBindingDetails.kind -> security_result.detection_fields["roleBindingKind"]
service.action.kubernetesRoleBindingDetails.uid -> security_result.detection_fields["roleBindingUid"]
service.action.kubernetesRoleBindingDetails.roleRefName -> security_result.detection_fields["roleRefName"]
service.action.kubernetesRoleBindingDetails.roleRefKind -> security_result.detection_fields["roleRefKind"]
service.action.kubernetesRoleDetails.name -> security_result.detection_fields["roleName"]
service.action.kubernetesRoleDetails.kind -> security_result.detection_fields["roleKind"]
service.action.kubernetesRoleDetails.uid -> security_result.detection_fields["roleUid"]

# ---- RDS login attempt: the client logging in ---------------------------------------------------
service.action.rdsLoginAttemptAction.remoteIpDetails.ipAddressV4 ?? service.action.rdsLoginAttemptAction.remoteIpDetails.ipAddressV6 -> principal.ip[] | when is_ip   # [E] source.address
service.action.rdsLoginAttemptAction.remoteIpDetails.city.cityName -> principal.location.city   # [E] source.geo, where Google puts remote geography [G 2026-07-27]
service.action.rdsLoginAttemptAction.remoteIpDetails.country.countryName ?? service.action.rdsLoginAttemptAction.remoteIpDetails.country.countryCode -> principal.location.country_or_region
service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lat -> principal.location.region_latitude
service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lon -> principal.location.region_longitude
service.action.rdsLoginAttemptAction.remoteIpDetails.organization.asn -> additional["asn"] | string   # [E] source.as
service.action.rdsLoginAttemptAction.remoteIpDetails.organization.asnOrg -> additional["asnOrg"]
service.action.rdsLoginAttemptAction.remoteIpDetails.organization.isp -> additional["isp"]
service.action.rdsLoginAttemptAction.remoteIpDetails.organization.org -> additional["org"]
# USER_LOGIN: the database user logged into is target.user; the authentication is described in
# extensions.auth (Google's validator requires type and mechanism on logins).
service.action.rdsLoginAttemptAction.loginAttributes[0].user ?? resource.rdsDbUserDetails.user -> target.user.userid   # [added]
service.action.rdsLoginAttemptAction.loginAttributes[0].application -> principal.application   # [P]
service.action.rdsLoginAttemptAction.loginAttributes[*].user -> security_result.detection_fields["loginUser"]   # [P] every attribute set, in order
service.action.rdsLoginAttemptAction.loginAttributes[*].application -> security_result.detection_fields["loginApplication"]
service.action.rdsLoginAttemptAction.loginAttributes[*].failedLoginAttempts -> security_result.detection_fields["failedLoginAttempts"]
service.action.rdsLoginAttemptAction.loginAttributes[*].successfulLoginAttempts -> security_result.detection_fields["successfulLoginAttempts"]
"ALLOW" -> security_result.action | when exists service.action.rdsLoginAttemptAction.loginAttributes[0].successfulLoginAttempts and service.action.rdsLoginAttemptAction.loginAttributes[0].successfulLoginAttempts != 0   # [P] some login succeeded
"BLOCK" -> security_result.action | when exists service.action.rdsLoginAttemptAction.loginAttributes[0].failedLoginAttempts   # [P] only failed ones
resource.rdsDbUserDetails.authMethod -> extensions.auth.auth_details   # [P]
resource.rdsDbUserDetails.authMethod -> extensions.auth.mechanism[] | upper | lookup guardduty-rds-auth-mechanisms
"REMOTE" -> extensions.auth.mechanism[] | when (service.action.actionType == RDS_LOGIN_ATTEMPT or exists service.action.rdsLoginAttemptAction) and not resource.rdsDbUserDetails.authMethod in (PASSWORD, password, MD5, md5, SCRAM-SHA-256, scram-sha-256)
"AUTHTYPE_UNSPECIFIED" -> extensions.auth.type | when service.action.actionType == RDS_LOGIN_ATTEMPT or exists service.action.rdsLoginAttemptAction   # a database login is none of MACHINE/SSO/VPN/PHYSICAL/TACACS

# ---- Runtime Monitoring: processes -------------------------------------------------------------
# The observed process (runtimeDetails.process) is the actor (principal.process) when the finding has
# a network/DNS action, or when it acted on something else: injected into another process, loaded a
# library or kernel module, became root. Otherwise it is the process that was started (target.process)
# and its parent (lineage[0]) is principal.process. See guardduty-runtime-event-types.
@when exists service.runtimeDetails.process and (exists service.action or type in (DefenseEvasion:Runtime/ProcessInjection.Proc, DefenseEvasion:Runtime/ProcessInjection.Ptrace, DefenseEvasion:Runtime/ProcessInjection.VirtualMemoryWrite, Execution:Runtime/NewLibraryLoaded, DefenseEvasion:Runtime/KernelModuleLoaded, PrivilegeEscalation:Runtime/ElevationToRoot))
service.runtimeDetails.process.pid -> principal.process.pid
service.runtimeDetails.process.executablePath -> principal.process.file.full_path
service.runtimeDetails.process.executableSha256 -> principal.process.file.sha256
service.runtimeDetails.process.name -> principal.process.file.names[]
service.runtimeDetails.process.uuid -> principal.process.product_specific_process_id
service.runtimeDetails.process.parentUuid -> principal.process.product_specific_parent_process_id
service.runtimeDetails.process.euid -> principal.process.euid
service.runtimeDetails.process.userId -> principal.process.ruid
service.runtimeDetails.process.lineage[0].pid -> principal.process.parent_process.pid
service.runtimeDetails.process.lineage[0].executablePath -> principal.process.parent_process.file.full_path
service.runtimeDetails.process.lineage[0].uuid -> principal.process.parent_process.product_specific_process_id
service.runtimeDetails.process.lineage[*].pid -> principal.process_ancestors[*].pid
service.runtimeDetails.process.lineage[*].executablePath -> principal.process_ancestors[*].file.full_path
service.runtimeDetails.process.lineage[*].name -> principal.process_ancestors[*].file.names[]
service.runtimeDetails.process.lineage[*].uuid -> principal.process_ancestors[*].product_specific_process_id
service.runtimeDetails.process.lineage[*].parentUuid -> principal.process_ancestors[*].product_specific_parent_process_id
service.runtimeDetails.process.lineage[*].euid -> principal.process_ancestors[*].euid
service.runtimeDetails.process.lineage[*].userId -> principal.process_ancestors[*].ruid
service.runtimeDetails.context.targetProcess.pid -> target.process.pid   # injection: the process injected into
service.runtimeDetails.context.targetProcess.executablePath -> target.process.file.full_path
service.runtimeDetails.context.targetProcess.executableSha256 -> target.process.file.sha256
service.runtimeDetails.context.targetProcess.name -> target.process.file.names[]
service.runtimeDetails.context.targetProcess.uuid -> target.process.product_specific_process_id
service.runtimeDetails.context.libraryPath -> target.process.file.full_path   # module loads: the library ...
service.runtimeDetails.context.moduleFilePath -> target.process.file.full_path   # ... or kernel module loaded
service.runtimeDetails.context.moduleSha256 -> target.process.file.sha256
service.runtimeDetails.context.moduleName -> target.process.file.names[]
@end
@when exists service.runtimeDetails.process and missing service.action and not type in (DefenseEvasion:Runtime/ProcessInjection.Proc, DefenseEvasion:Runtime/ProcessInjection.Ptrace, DefenseEvasion:Runtime/ProcessInjection.VirtualMemoryWrite, Execution:Runtime/NewLibraryLoaded, DefenseEvasion:Runtime/KernelModuleLoaded, PrivilegeEscalation:Runtime/ElevationToRoot)
service.runtimeDetails.process.pid -> target.process.pid
service.runtimeDetails.process.executablePath -> target.process.file.full_path
service.runtimeDetails.process.executableSha256 -> target.process.file.sha256
service.runtimeDetails.process.name -> target.process.file.names[]
service.runtimeDetails.process.uuid -> target.process.product_specific_process_id
service.runtimeDetails.process.parentUuid -> target.process.product_specific_parent_process_id
service.runtimeDetails.process.euid -> target.process.euid
service.runtimeDetails.process.userId -> target.process.ruid
service.runtimeDetails.context.commandLineExample -> target.process.command_line   # an example of the command lines seen
service.runtimeDetails.process.lineage[0].pid -> principal.process.pid
service.runtimeDetails.process.lineage[0].executablePath -> principal.process.file.full_path
service.runtimeDetails.process.lineage[0].name -> principal.process.file.names[]
service.runtimeDetails.process.lineage[0].uuid -> principal.process.product_specific_process_id
service.runtimeDetails.process.lineage[0].parentUuid -> principal.process.product_specific_parent_process_id
service.runtimeDetails.process.lineage[0].euid -> principal.process.euid
service.runtimeDetails.process.lineage[0].userId -> principal.process.ruid
service.runtimeDetails.process.lineage[*].pid -> target.process_ancestors[*].pid
service.runtimeDetails.process.lineage[*].executablePath -> target.process_ancestors[*].file.full_path
service.runtimeDetails.process.lineage[*].name -> target.process_ancestors[*].file.names[]
service.runtimeDetails.process.lineage[*].uuid -> target.process_ancestors[*].product_specific_process_id
service.runtimeDetails.process.lineage[*].parentUuid -> target.process_ancestors[*].product_specific_parent_process_id
service.runtimeDetails.process.lineage[*].euid -> target.process_ancestors[*].euid
service.runtimeDetails.process.lineage[*].userId -> target.process_ancestors[*].ruid
@end
service.runtimeDetails.process.pwd -> additional["processPwd"]       # no UDM Process field for the working directory
service.runtimeDetails.process.startTime -> additional["processStartTime"]   # nor for its start time
service.runtimeDetails.process.namespacePid -> additional["processNamespacePid"]
# The file the finding is about, most specific first. [E] threat.indicator.file.path <- threatFilePath.
service.runtimeDetails.context.threatFilePath ?? service.runtimeDetails.context.scriptPath ?? service.runtimeDetails.context.filePath ?? service.runtimeDetails.context.releaseAgentPath ?? service.runtimeDetails.context.runcBinaryPath ?? service.runtimeDetails.context.socketPath ?? service.runtimeDetails.context.shellHistoryFilePath ?? service.runtimeDetails.context.mountSource -> target.file.full_path
service.runtimeDetails.context.toolName -> security_result.threat_name   # [E] threat.software.name
service.runtimeDetails.context.toolCategory -> security_result.detection_fields["toolCategory"]
service.runtimeDetails.context.ianaProtocolNumber -> network.ip_protocol | lookup guardduty-ip-protocols   # [E] network.iana_number
service.runtimeDetails.context.mountTarget -> security_result.detection_fields["mountTarget"]
service.runtimeDetails.context.serviceName -> security_result.detection_fields["serviceName"]
service.runtimeDetails.context -> additional["runtimeContext"]        # [P] the whole context (modifying process, flags, memory regions, ...) as GuardDuty wrote it

# ---- Malware scans ------------------------------------------------------------------------------
# EBS volume scans (Malware Protection for EC2): the highest-severity threat names the finding;
# the first infected file is target.file; every threat and file is a detection field.
service.ebsVolumeScanDetails.scanDetections.highestSeverityThreatDetails.threatName -> security_result.threat_name   # [P]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].name -> security_result.threat_name   # [P] the first threat
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[0].filePaths[0].filePath -> target.file.full_path   # [E] file.path
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[0].filePaths[0].hash -> target.file.sha256   # [E] file.hash.sha256
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[0].filePaths[0].fileName -> target.file.names[]   # [E] file.name
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].name -> security_result.detection_fields["threatName"]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].severity -> security_result.detection_fields["threatSeverity"]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].filePaths[*].filePath -> security_result.detection_fields["infectedFilePath"]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].filePaths[*].hash -> security_result.detection_fields["infectedFileSha256"]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.itemCount -> security_result.detection_fields["infectedItemCount"]   # [G] (row truncated in Google's document)
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.uniqueThreatNameCount -> security_result.detection_fields["uniqueThreatNameCount"]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.shortened -> security_result.detection_fields["shortened"]
service.ebsVolumeScanDetails.scanDetections.highestSeverityThreatDetails.severity -> security_result.detection_fields["highestThreatSeverity"]
service.ebsVolumeScanDetails.scanDetections.scannedItemCount.files -> security_result.detection_fields["scannedFiles"]
service.ebsVolumeScanDetails.scanDetections.scannedItemCount.totalGb -> security_result.detection_fields["scannedTotalGb"]
service.ebsVolumeScanDetails.scanDetections.scannedItemCount.volumes -> security_result.detection_fields["scannedVolumes"]
service.ebsVolumeScanDetails.scanDetections.threatsDetectedItemCount.files -> security_result.detection_fields["infectedFiles"]
service.ebsVolumeScanDetails.scanId -> security_result.detection_fields["scanId"]
service.ebsVolumeScanDetails.scanType -> security_result.detection_fields["scanType"]
service.ebsVolumeScanDetails.scanStartedAt -> security_result.detection_fields["scanStartedAt"]
service.ebsVolumeScanDetails.scanCompletedAt -> security_result.detection_fields["scanCompletedAt"]
service.ebsVolumeScanDetails.triggerFindingId -> security_result.detection_fields["triggerFindingId"]
service.ebsVolumeScanDetails.sources[*] -> security_result.threat_feed_name   # the scanning engine's threat sources
# S3 object and AWS Backup scans (Malware Protection for S3 / for Backup).
service.malwareScanDetails.threats[*].name -> security_result.threat_name   # [P]
service.malwareScanDetails.threats[0].hash -> target.file.sha256        # [P]
service.malwareScanDetails.threats[0].itemDetails[0].itemPath ?? service.malwareScanDetails.threats[0].itemPaths[0].nestedItemPath -> target.file.full_path   # [P]
service.malwareScanDetails.threats[0].itemDetails[0].hash ?? service.malwareScanDetails.threats[0].itemPaths[0].hash -> target.file.sha256
service.malwareScanDetails.threats[*].source -> security_result.threat_feed_name
service.malwareScanDetails.threats[*].name -> security_result.detection_fields["threatName"]
service.malwareScanDetails.threats[*].itemPaths[*].nestedItemPath -> security_result.detection_fields["infectedFilePath"]
service.malwareScanDetails.threats[*].itemDetails[*].itemPath -> security_result.detection_fields["infectedFilePath"]
service.malwareScanDetails.threats[*].itemDetails[*].resourceArn -> security_result.detection_fields["infectedResourceArn"]
service.malwareScanDetails.threats[*].count -> security_result.detection_fields["threatCount"]
service.malwareScanDetails.scanId -> security_result.detection_fields["scanId"]
service.malwareScanDetails.scanType -> security_result.detection_fields["scanType"]
service.malwareScanDetails.scanCategory -> security_result.detection_fields["scanCategory"]
service.malwareScanDetails.scanConfiguration.triggerType -> security_result.detection_fields["triggerType"]
service.malwareScanDetails.scanConfiguration.incrementalScanDetails.baselineResourceArn -> security_result.detection_fields["baselineResourceArn"]
service.malwareScanDetails.uniqueThreatCount -> security_result.detection_fields["uniqueThreatCount"]

# ---- Attack sequences -----------------------------------------------------------------------------
service.detection.sequence.uid -> security_result.threat_id          # [added] the sequence's id
service.detection.sequence.description -> security_result.detection_fields["sequenceDescription"]
service.detection.sequence.signals[*].name -> security_result.detection_fields["signal"]   # [P] one per signal
# The sequence's own ATT&CK tactics (names, their ids looked up) and techniques ("T1562.008 - Impair
# Defenses: ...": the id before " - ", the name after it). Attack-sequence types have no tactic or
# technique of their own in the lookups above, so these are the only ones.
service.detection.sequence.sequenceIndicators[key=ATTACK_TACTIC].values[*] -> security_result.attack_details.tactics[*].name
service.detection.sequence.sequenceIndicators[key=ATTACK_TACTIC].values[*] -> security_result.attack_details.tactics[*].id | lookup attack-tactic-ids
service.detection.sequence.sequenceIndicators[key=ATTACK_TECHNIQUE].values[*] -> security_result.attack_details.techniques[*].id | before_first " - "
service.detection.sequence.sequenceIndicators[key=ATTACK_TECHNIQUE].values[*] -> security_result.attack_details.techniques[*].name | after_last " - "
service.detection.sequence.sequenceIndicators[key=HIGH_RISK_API].values[*] -> security_result.detection_fields["highRiskApi"]
service.detection.sequence.sequenceIndicators[key=MALICIOUS_IP].values[*] -> security_result.detection_fields["maliciousIp"]
service.detection.sequence.sequenceIndicators[key=TOR_IP].values[*] -> security_result.detection_fields["torIp"]
service.detection.sequence.additionalSequenceTypes[*] -> security_result.detection_fields["additionalSequenceType"]
service.detection.sequence.actors[0].process.name -> principal.process.file.names[]
service.detection.sequence.actors[0].process.path -> principal.process.file.full_path
service.detection.sequence.actors[0].process.sha256 -> principal.process.file.sha256
service.detection.sequence.endpoints[*].ip -> principal.ip[] | when is_ip           # the network endpoints the actors used (the remote side)
service.detection.sequence.endpoints[0].location.city -> principal.location.city   # remote geography in principal.location [G 2026-07-27]
service.detection.sequence.endpoints[0].location.country -> principal.location.country_or_region
service.detection.sequence.endpoints[0].location.lat -> principal.location.region_latitude
service.detection.sequence.endpoints[0].location.lon -> principal.location.region_longitude
service.detection.sequence.endpoints[0].autonomousSystem.number -> additional["asn"] | string
service.detection.sequence.endpoints[0].autonomousSystem.name -> additional["asnOrg"]
service.detection.sequence.endpoints[0].connection.direction -> network.direction | lookup guardduty-directions
service.detection.sequence.endpoints[*].domain -> security_result.detection_fields["endpointDomain"]
# Every resource of the sequence is an about noun.
service.detection.sequence.resources[*].name -> about[*].resource.name
service.detection.sequence.resources[*].uid -> about[*].resource.product_object_id
service.detection.sequence.resources[*].resourceType -> about[*].resource.resource_subtype
service.detection.sequence.resources[*].resourceType -> about[*].resource.resource_type | lookup guardduty-sequence-resource-types
service.detection.sequence.resources[*].region -> about[*].location.name
service.detection.sequence.resources[*].service -> about[*].application
service.detection.sequence.resources[*].accountId -> about[*].resource.attribute.labels["accountId"]
service.detection.sequence.signals -> additional["sequenceSignals"]   # [P] the signals as GuardDuty wrote them
service.detection.sequence.sequenceIndicators -> additional["sequenceIndicators"]
service.detection.anomaly -> additional["anomaly"]                     # [added] the anomaly model's profiles and unusual behaviour
"""####),
    ]
}

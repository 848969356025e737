// swift-format-ignore-file
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
# of resource is then all that can be said of it. Calls that name their resource get its type from
# the resource-identifier rows in cloudtrail.map, which come first.
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

# [added] The general target rule's key classes (`| target_key` in cloudtrail.map). A key is
# identifying by its spelling (it ends at a camelCase boundary in Id(s), Name(s), Arn(s),
# Identifier(s), Url(s)/URL, or is a bare name, id or arn); a row here changes that for the key as
# written with its first letter in lower case, in a service (SERVICE:key, SERVICE the eventSource's
# first label) or in one call (SERVICE:Call:key); the most specific row wins.
#   none  the key names no resource acted on (never the target, not an about resource)
#   used  the key names something the call uses (a role it passes, a key it encrypts with, the
#         network it places things in): never the target unless its stem is the call's noun
#         (DeleteSubnet -> subnetId); each value becomes an about resource labelled key = KEY
#   key   an identifying key after all (overrides a broader row), also a key the spelling rule does not
#         know (its whole name is the stem, its value a name)
# A `none` row on a key holding an object or a list (filters, tags) skips everything below it.
# Extend it in your own tables with `@lookup cloudtrail-target-keys default empty` and rows.
@lookup cloudtrail-target-keys default empty
roleSessionName = none        # the session's label, chosen by the caller: names no resource
sts:roleSessionName = key     # an STS session is what AssumeRole makes
engineName = none             # an engine (mysql, redis), not a resource
metricName = none             # a CloudWatch metric is data, not a resource
regionName = none             # a region
zoneName = none               # an availability zone
availabilityZoneId = none     # an availability zone
ownerId = none                # the account that owns the thing, not the thing
creatorRequestId = none       # an idempotency token
clientRequestId = none        # an idempotency token
requestId = none              # the request itself
requestID = none
fullName = none               # a person's name (a contact address), no resource
policy = none                 # a policy document: its condition keys (aws:PrincipalOrgID) name no resource acted on
policyDocument = none
statement = none
condition = none
instanceTypeName = none       # a type, not a resource
productName = none            # a product, not a resource
filterSet = none              # filters select, they name nothing acted on (name = instance-state-name)
filters = none
filter = none
tagSet = none                 # tags label the resource ({"Name": "web"} is no resource)
tags = none
tagSpecificationSet = none
tagSpecifications = none
tagList = none
dimensions = none             # CloudWatch metric dimensions
roleArn = used                # a role passed to a service (outside IAM and STS)
roleARN = used
iam:roleArn = key             # IAM acts on roles
sts:roleArn = key             # AssumeRole acts on the role
serviceRoleArn = used
executionRoleArn = used
taskRoleArn = used
iamRoleArn = used
dataAccessRoleArn = used
cloudWatchLogsRoleArn = used
kmsKeyId = used               # the key data is encrypted with
kmsKeyArn = used
kmsMasterKeyId = used
sseKmsKeyId = used
subnetId = used               # where the thing is placed
subnetIds = used
securityGroupId = used
securityGroupIds = used
vpcSecurityGroupIds = used
vpcId = used                  # outside VPC calls (DeleteVpc's noun is Vpc: there it is the target)
s3BucketName = used           # where a trail, a recorder or a job delivers
cloudWatchLogsLogGroupArn = used
servicediscovery:operationId = none   # the asynchronous operation, not the namespace or service it makes
ses:identity = key            # SES names an email address or a domain "identity"
ses:identities = key
ses:emailIdentity = key       # SES v2
robomaker:robot = key         # RoboMaker names a robot by its ARN under "robot"
ec2:RunInstances:imageId = used   # the image an instance is launched from
ec2:RunInstances:keyName = used   # the key pair it is launched with
@end

# [added] Calls whose response names what they made (step 2 of the general target rule): a prefix
# lookup on eventName (InviteAccountToOrganization makes a handshake). When the request names nothing,
# any call's response is read (step 4).
@lookup cloudtrail-creating-verbs prefix default empty
Create = made
Copy = made
Run = made
Allocate = made
Import = made
Register = made
StartSnapshot = made
InviteAccountToOrganization = made
RequestCertificate = made
@end

# [added] resource_type of what the general target rule names, by SERVICE:Stem, else Stem (the
# subtype it writes: eks:Cluster, then Cluster).
@lookup cloudtrail-key-resource-types default empty
Cluster = CLUSTER
DBCluster = CLUSTER
CacheCluster = CLUSTER
Instance = VIRTUAL_MACHINE
rds:DBInstance = DATABASE
DBInstance = DATABASE
Database = DATABASE
Table = TABLE
Bucket = STORAGE_BUCKET
Function = FUNCTION
Role = SERVICE_ACCOUNT
User = USER
Policy = ACCESS_POLICY
Secret = CREDENTIAL
kms:Key = CREDENTIAL
AccessKey = CREDENTIAL
Certificate = CREDENTIAL
KeyPair = CREDENTIAL
Snapshot = SNAPSHOT
DBSnapshot = SNAPSHOT
DBClusterSnapshot = SNAPSHOT
Volume = VOLUME
Image = IMAGE
Vpc = VPC_NETWORK
Subnet = SUBNET
SecurityGroup = FIREWALL_RULE
DBSecurityGroup = FIREWALL_RULE
WebACL = FIREWALL_RULE
LoadBalancer = LOAD_BALANCER
TargetGroup = BACKEND_SERVICE
Repository = REPOSITORY
NetworkInterface = DEVICE
Trail = SETTING
Detector = SERVICE
Account = CLOUD_PROJECT
Organization = CLOUD_ORGANIZATION
OrganizationalUnit = CLOUD_ORGANIZATION
Pod = POD
Container = CONTAINER
Task = TASK
NatGateway = GATEWAY
InternetGateway = GATEWAY
TransitGateway = GATEWAY
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
@eventbridge "AWS API Call via CloudTrail", "AWS Console Sign In via CloudTrail", "AWS Service Event via CloudTrail", "AWS Console Action via CloudTrail", \
    "AWS Insight via CloudTrail"
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
# [added] The other steps of a sign-in (CheckMfa, PasswordUpdated, IAM Identity Center's
# CredentialChallenge, CredentialVerification and UserAuthentication) name the user signing in the same
# way, the Identity Center user (onBehalfOf) before the principal id, which there is the account.
@define sign_in_step = eventName in (CheckMfa, PasswordUpdated, CredentialChallenge, CredentialVerification, UserAuthentication)
@when sign_in_step
userIdentity.arn -> target.user.userid
userIdentity.userName -> target.user.userid
userIdentity.onBehalfOf.userId -> target.user.userid
userIdentity.principalId -> target.user.userid
userIdentity.userName -> target.user.user_display_name
userIdentity.sessionContext.sessionIssuer.userName -> target.user.user_display_name
@end
@when eventName == "ConsoleLogin"
# Google's validator requires extensions.auth.type on USER_LOGIN. Federated sign-ins are SSO; a
# password sign-in fits none of MACHINE/SSO/VPN/PHYSICAL/TACACS, so it says AUTHTYPE_UNSPECIFIED,
# which is what Google's own parsers write for such logins. The mechanism (REMOTE) is set above.
"SSO" -> extensions.auth.type | when exists additionalEventData.SamlProviderArn or userIdentity.type in (SAMLUser, WebIdentityUser) \
    or exists userIdentity.sessionContext.sessionIssuer.arn
"AUTHTYPE_UNSPECIFIED" -> extensions.auth.type
"Login to AWS Console succeeded." -> security_result.summary | when responseElements.ConsoleLogin == "Success"   # [G]
"BLOCK" -> security_result.action | when responseElements.ConsoleLogin == "Failure" or exists errorMessage        # [G]
"AUTH_VIOLATION" -> security_result.category | when responseElements.ConsoleLogin == "Failure" or exists errorMessage   # [G]
"Reason: " + errorMessage -> security_result.description            # [G] "Reason: Failed authentication"
@end
"MFAUsed: " + additionalEventData.MFAUsed -> extensions.auth.auth_details   # [ref] + [G] format
"MfaType: " + additionalEventData.MfaType -> extensions.auth.auth_details | when sign_in_step   # [added] CheckMfa: the device used
"CredentialType: " + additionalEventData.CredentialType -> extensions.auth.auth_details | when sign_in_step \
    # [added] Identity Center: PASSWORD, TOTP, WEBAUTHN, … (the factor of the step)
additionalEventData.LoginTo -> target.url                           # [ref]
additionalEventData.SamlProviderArn -> security_result.about.user_management_chain.userid   # [ref]

# ---- Principal: who made the call -------------------------------------------------------------
sourceIPAddress -> principal.ip[] | when is_ip                      # [ref] an address
# [added] Placeholders are not machines: "AWS Internal" (a call made inside AWS), "redacted", "-"
# and runs of dots name no host, so they give no hostname or asset (a SIEM would inventory them);
# the value is kept in a label. Service principals keep the sample's hostname behaviour.
@when sourceIPAddress in ("AWS Internal", redacted, "-") or sourceIPAddress consists_of "."
sourceIPAddress -> additional["sourceIPAddress"]                    # [added] the placeholder as written
@end
@when not (sourceIPAddress in ("AWS Internal", redacted, "-") or sourceIPAddress consists_of ".")
sourceIPAddress -> principal.hostname | when not is_ip              # [sample] a service name such as securityhub.amazonaws.com
sourceIPAddress -> principal.asset.hostname | when not is_ip        # [sample]
@end
requestParameters.granteePrincipal -> principal.hostname            # [ref] (KMS CreateGrant) when sourceIPAddress is an address
# The caller's id, for every identity type (IAMUser, AssumedRole, Role, Root, FederatedUser,
# AWSAccount, AWSService, SAMLUser, WebIdentityUser, IdentityCenterUser, Unknown): the ARN when
# there is one, then the principal id (SAML, web-identity and cross-account callers, CheckMfa),
# the user name, the Identity Center user (onBehalfOf), the calling service, the role of a session
# that names nothing else, and last the account.
userIdentity.arn -> principal.user.userid                           # [ref] [sample]
userIdentity.principalId -> principal.user.userid                   # [added] SAMLUser, WebIdentityUser, AWSAccount, IAM users without an ARN
userIdentity.userName -> principal.user.userid                      # [added] failed sign-ins of unknown users name only the user
userIdentity.onBehalfOf.userId -> principal.user.userid   # [added] IdentityCenterUser (and Unknown callers of its sign-in steps): the identity-store user id
userIdentity.invokedBy -> principal.user.userid | when missing userIdentity.arn   # [ref] condition: only a service caller without an ARN
puserId -> principal.user.userid                                    # [ref] as listed; no CloudTrail record has this field
userIdentity.sessionContext.sessionIssuer.arn ?? userIdentity.sessionContext.sessionIssuer.userName -> principal.user.userid \
    # [added] a role session that names only its role
userIdentity.accountId -> principal.user.userid | when userIdentity.type != "Unknown" \
    # [added] last: the account is all that is known of the caller; an Unknown caller (Cognito's Token_POST) is no user of the account
userIdentity.userName -> principal.user.user_display_name           # [ref]
userIdentity.arn -> principal.user.user_display_name | after_last "/" | when userIdentity.type == "FederatedUser" \
    # [added] the federated user (…:federated-user/Bob); the issuing user stays in security_result.about.user
userIdentity.sessionContext.sessionIssuer.userName -> principal.user.user_display_name | when userIdentity.type != "FederatedUser" \
    # [ref] [sample] role sessions
userIdentity.principalId -> principal.user.product_object_id   # [ref] [sample]; Google's "userid copied to product_object_id" is contradicted by the sample
userIdentity.arn -> principal.user.employee_id | when userIdentity.type == "IAMUser" \
    # [ref] condition: an IAM user is a person's account; a role session (the sample) is not
readOnly -> principal.user.attribute.labels["readOnly"]             # [sample] the table's additional.readOnly is contradicted by the sample
userIdentity.sessionContext.attributes.mfaAuthenticated -> principal.user.attribute.labels["mfaAuthenticated"] \
    # [ref] principal.user.labels is not in the schema: attribute.labels is its home
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
@ignore userIdentity.sessionContext.sessionIssuer.principalId, userIdentity.sessionContext.sessionIssuer.accountId, \
    userIdentity.sessionContext.sessionIssuer.type
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
requestParameters.registryId -> target.resource.id                  # [ref] (ECR)
requestParameters.roleArn -> target.resource.id                     # [ref] (STS AssumeRole)
@define takes_on_a_role = eventName in (AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity, AssumeRoot)
responseElements.credentials.accessKeyId -> target.resource.product_object_id | when not takes_on_a_role \
    # [G] the issued key id when issuing it is the call's purpose (GetSessionToken, GetFederationToken)
responseElements.credentials.accessKeyId -> about[].resource.product_object_id | when takes_on_a_role \
    # [added] a role session's key: the call acts on the role, so the key is no part of the role's noun
responseElements.grantId -> target.resource.product_object_id       # [added] KMS CreateGrant

# Request and response parameters as about labels.
# [ref] The sample's read-only call has requestParameters but no about.labels: the row applies to
# calls that are not read-only. Events before eventVersion 1.05 have no readOnly field: unknown
# counts as not read-only, so their parameters (what changed) are kept.
# They come before the resource table so that they fill the first about entry, and each further
# resource of a multi-resource call (RunInstances) is an about entry of its own.
requestParameters -> about.labels | flatten | when readOnly != true   # [ref] condition: not read-only
responseParameters -> about.labels | flatten | when readOnly != true   # [ref] condition as above (no CloudTrail record has this field today)

# ---- Resources acted on -------------------------------------------------------------------------
# [added] The resource-identifier table: per service, the request and response fields that name
# the resource a call acts on. `| resource TYPE "SUBTYPE"` writes only while target.resource has no
# name and no product_object_id, so the rows above (the reference's resources[] first) keep their
# priority; within a service the first row with a value wins, so rows run from the most specific
# (what the call created, in the response) to the most general. The first value names
# target.resource with resource_type TYPE and resource_subtype SUBTYPE (the AWS type); each further
# value of a [*] source becomes an about[] element with the same fields. Names and ARNs go to
# `name`, opaque ids to `product_object_id`.
@when eventSource == "ec2.amazonaws.com"
responseElements.instancesSet.items[*].instanceId -> target.resource.product_object_id | resource VIRTUAL_MACHINE "AWS::EC2::Instance" \
    # RunInstances: every instance launched
# A call that makes an image, snapshot or volume from another resource names both: what it made (in
# the response) is the target, ahead of the request's source, which is src.resource.
responseElements.imageId -> target.resource.product_object_id | resource IMAGE "AWS::EC2::Image" \
    | when eventName in (CreateImage, CopyImage, RegisterImage)   # not the instance it was made from
responseElements.volumeId -> target.resource.product_object_id | resource VOLUME "AWS::EC2::Volume" \
    | when eventName == "CreateVolume"   # not the snapshot it was made from
responseElements.snapshotId -> target.resource.product_object_id | resource SNAPSHOT "AWS::EC2::Snapshot" \
    | when eventName in (CreateSnapshot, CopySnapshot)   # not the volume (or snapshot) it was made from
requestParameters.instanceId -> src.resource.product_object_id | resource VIRTUAL_MACHINE "AWS::EC2::Instance" \
    | when eventName == "CreateImage"
requestParameters.sourceImageId -> src.resource.product_object_id | resource IMAGE "AWS::EC2::Image" | when eventName == "CopyImage"
requestParameters.snapshotId -> src.resource.product_object_id | resource SNAPSHOT "AWS::EC2::Snapshot" | when eventName == "CreateVolume"
requestParameters.volumeId -> src.resource.product_object_id | resource VOLUME "AWS::EC2::Volume" | when eventName == "CreateSnapshot"
requestParameters.sourceSnapshotId -> src.resource.product_object_id | resource SNAPSHOT "AWS::EC2::Snapshot" \
    | when eventName == "CopySnapshot"
requestParameters.instancesSet.items[*].instanceId -> target.resource.product_object_id | resource VIRTUAL_MACHINE "AWS::EC2::Instance" \
    # Start/Stop/Terminate/DescribeInstances
requestParameters.instanceId -> target.resource.product_object_id | resource VIRTUAL_MACHINE "AWS::EC2::Instance"
responseElements.imageId -> target.resource.product_object_id | resource IMAGE "AWS::EC2::Image"   # CreateImage, CopyImage, RegisterImage
responseElements.snapshotId -> target.resource.product_object_id | resource SNAPSHOT "AWS::EC2::Snapshot"   # CreateSnapshot, CopySnapshot
responseElements.volumeId -> target.resource.product_object_id | resource VOLUME "AWS::EC2::Volume"   # CreateVolume
responseElements.groupId -> target.resource.product_object_id | resource FIREWALL_RULE "AWS::EC2::SecurityGroup"   # CreateSecurityGroup
responseElements.vpc.vpcId -> target.resource.product_object_id | resource VPC_NETWORK "AWS::EC2::VPC"   # CreateVpc
responseElements.subnet.subnetId -> target.resource.product_object_id | resource SUBNET "AWS::EC2::Subnet"   # CreateSubnet
responseElements.networkInterface.networkInterfaceId -> target.resource.product_object_id | resource DEVICE "AWS::EC2::NetworkInterface" \
    # CreateNetworkInterface
responseElements.keyName -> target.resource.name | resource CREDENTIAL "AWS::EC2::KeyPair"   # CreateKeyPair, ImportKeyPair
requestParameters.imageId -> target.resource.product_object_id | resource IMAGE "AWS::EC2::Image" \
    # ModifyImageAttribute, DeregisterImage (and RunInstances that launched nothing)
requestParameters.imagesSet.items[*].imageId -> target.resource.product_object_id | resource IMAGE "AWS::EC2::Image"
requestParameters.snapshotId -> target.resource.product_object_id | resource SNAPSHOT "AWS::EC2::Snapshot"
requestParameters.volumeId -> target.resource.product_object_id | resource VOLUME "AWS::EC2::Volume"
requestParameters.groupId -> target.resource.product_object_id | resource FIREWALL_RULE "AWS::EC2::SecurityGroup"   # Authorize/Revoke rules
requestParameters.groupName -> target.resource.name | resource FIREWALL_RULE "AWS::EC2::SecurityGroup"
requestParameters.securityGroupIdSet.items[*].groupId -> target.resource.product_object_id | resource FIREWALL_RULE "AWS::EC2::SecurityGroup" \
    # DescribeSecurityGroups
responseElements.CreateTrafficMirrorSessionResponse.trafficMirrorSession.trafficMirrorSessionId -> target.resource.product_object_id \
    | resource UNSPECIFIED "AWS::EC2::TrafficMirrorSession"
responseElements.CreateTrafficMirrorTargetResponse.trafficMirrorTarget.trafficMirrorTargetId -> target.resource.product_object_id \
    | resource UNSPECIFIED "AWS::EC2::TrafficMirrorTarget"
requestParameters.ModifyTrafficMirrorSessionRequest.TrafficMirrorSessionId ?? requestParameters.DeleteTrafficMirrorSessionRequest.TrafficMirrorSessionId \
    -> target.resource.product_object_id | resource UNSPECIFIED "AWS::EC2::TrafficMirrorSession"
requestParameters.DeleteTrafficMirrorTargetRequest.TrafficMirrorTargetId -> target.resource.product_object_id \
    | resource UNSPECIFIED "AWS::EC2::TrafficMirrorTarget"
requestParameters.keyName -> target.resource.name | resource CREDENTIAL "AWS::EC2::KeyPair"
requestParameters.networkInterfaceId -> target.resource.product_object_id | resource DEVICE "AWS::EC2::NetworkInterface"
requestParameters.subnetId -> target.resource.product_object_id | resource SUBNET "AWS::EC2::Subnet"
requestParameters.vpcId -> target.resource.product_object_id | resource VPC_NETWORK "AWS::EC2::VPC"
@end
@when eventSource == "ec2-instance-connect.amazonaws.com"
requestParameters.instanceId -> target.resource.product_object_id | resource VIRTUAL_MACHINE "AWS::EC2::Instance"   # SendSSHPublicKey
@end
@when eventSource == "iam.amazonaws.com"
# The role acted on is the resource; a user or group acted on is target.user / target.group
# (below), and its policy, key, login profile or MFA device the resource.
responseElements.role.arn -> target.resource.name | resource SERVICE_ACCOUNT "AWS::IAM::Role"   # CreateRole
requestParameters.roleName -> target.resource.name | resource SERVICE_ACCOUNT "AWS::IAM::Role"
responseElements.accessKey.accessKeyId -> target.resource.product_object_id | resource CREDENTIAL "AWS::IAM::AccessKey"   # CreateAccessKey
requestParameters.accessKeyId -> target.resource.product_object_id | resource CREDENTIAL "AWS::IAM::AccessKey"   # UpdateAccessKey, DeleteAccessKey
responseElements.policy.arn -> target.resource.name | resource ACCESS_POLICY "AWS::IAM::ManagedPolicy"   # CreatePolicy
requestParameters.policyArn -> target.resource.name | resource ACCESS_POLICY "AWS::IAM::ManagedPolicy"
requestParameters.policyName -> target.resource.name | resource ACCESS_POLICY "AWS::IAM::Policy"   # inline policies
responseElements.virtualMFADevice.serialNumber -> target.resource.name | resource CREDENTIAL "AWS::IAM::MFADevice"   # CreateVirtualMFADevice
requestParameters.serialNumber -> target.resource.name | resource CREDENTIAL "AWS::IAM::MFADevice"   # EnableMFADevice, DeactivateMFADevice
responseElements.sAMLProviderArn -> target.resource.name | resource CREDENTIAL "AWS::IAM::SAMLProvider"   # CreateSAMLProvider
requestParameters.sAMLProviderArn -> target.resource.name | resource CREDENTIAL "AWS::IAM::SAMLProvider"
requestParameters.instanceProfileName -> target.resource.name | resource SERVICE_ACCOUNT "AWS::IAM::InstanceProfile"
requestParameters.userName -> target.resource.name | resource CREDENTIAL "AWS::IAM::LoginProfile" \
    | when eventName in (CreateLoginProfile, UpdateLoginProfile, DeleteLoginProfile, GetLoginProfile)
responseElements.user.arn -> target.resource.name | resource USER "AWS::IAM::User"   # CreateUser
requestParameters.userName -> target.resource.name | resource USER "AWS::IAM::User"
responseElements.group.arn -> target.resource.name | resource UNSPECIFIED "AWS::IAM::Group"   # CreateGroup (UDM has no group resource type)
requestParameters.groupName -> target.resource.name | resource UNSPECIFIED "AWS::IAM::Group"
@end
@when eventSource == "sts.amazonaws.com"
requestParameters.roleArn -> target.resource.name | resource SERVICE_ACCOUNT "AWS::IAM::Role" \
    # AssumeRoleWithSAML / WithWebIdentity (AssumeRole names its session above)
@end
@when eventSource == "s3.amazonaws.com"
requestParameters.bucketName + "/" + requestParameters.key -> target.resource.name | resource STORAGE_OBJECT "AWS::S3::Object"
requestParameters.bucketName -> target.resource.name | resource STORAGE_BUCKET "AWS::S3::Bucket"
@end
@when eventSource == "kms.amazonaws.com"
responseElements.keyMetadata.arn -> target.resource.name | resource CREDENTIAL "AWS::KMS::Key"   # CreateKey
requestParameters.keyId -> target.resource.name | resource CREDENTIAL "AWS::KMS::Key"
responseElements.keyMetadata.keyId -> target.resource.product_object_id   # CreateKey: the key's id beside its ARN
requestParameters.aliasName -> target.resource.name | resource CREDENTIAL "AWS::KMS::Alias"
@end
@when eventSource == "lambda.amazonaws.com"
requestParameters.functionName -> target.resource.name | resource FUNCTION "AWS::Lambda::Function"
requestParameters.layerName -> target.resource.name | resource FUNCTION "AWS::Lambda::LayerVersion"
@end
@when eventSource == "rds.amazonaws.com"
responseElements.dBSnapshotArn -> target.resource.name | resource SNAPSHOT "AWS::RDS::DBSnapshot"   # CreateDBSnapshot, CopyDBSnapshot
responseElements.dBSnapshotIdentifier -> target.resource.name | resource SNAPSHOT "AWS::RDS::DBSnapshot"
requestParameters.targetDBSnapshotIdentifier -> target.resource.name | resource SNAPSHOT "AWS::RDS::DBSnapshot"   # CopyDBSnapshot: the copy
requestParameters.dBSnapshotIdentifier -> target.resource.name | resource SNAPSHOT "AWS::RDS::DBSnapshot"
responseElements.dBClusterSnapshotArn -> target.resource.name | resource SNAPSHOT "AWS::RDS::DBClusterSnapshot"
requestParameters.dBClusterSnapshotIdentifier -> target.resource.name | resource SNAPSHOT "AWS::RDS::DBClusterSnapshot"
requestParameters.dBInstanceIdentifier -> target.resource.name | resource DATABASE "AWS::RDS::DBInstance"
requestParameters.dBClusterIdentifier -> target.resource.name | resource CLUSTER "AWS::RDS::DBCluster"
@end
@when eventSource == "cloudtrail.amazonaws.com"
responseElements.trailARN -> target.resource.name | resource SETTING "AWS::CloudTrail::Trail"   # CreateTrail, UpdateTrail
requestParameters.name -> target.resource.name | resource SETTING "AWS::CloudTrail::Trail"   # StartLogging, StopLogging, DeleteTrail
requestParameters.trailName -> target.resource.name | resource SETTING "AWS::CloudTrail::Trail"   # Get/PutEventSelectors
@end
@when eventSource == "config.amazonaws.com"
requestParameters.configurationRecorderName -> target.resource.name | resource SETTING "AWS::Config::ConfigurationRecorder"
requestParameters.configurationRecorder.name -> target.resource.name | resource SETTING "AWS::Config::ConfigurationRecorder"   # PutConfigurationRecorder
requestParameters.deliveryChannelName -> target.resource.name | resource SETTING "AWS::Config::DeliveryChannel"
requestParameters.deliveryChannel.name -> target.resource.name | resource SETTING "AWS::Config::DeliveryChannel"   # PutDeliveryChannel
requestParameters.configRuleName -> target.resource.name | resource SETTING "AWS::Config::ConfigRule"
@end
@when eventSource == "guardduty.amazonaws.com"
responseElements.threatIntelSetId -> target.resource.product_object_id | resource SETTING "AWS::GuardDuty::ThreatIntelSet"
requestParameters.threatIntelSetId -> target.resource.product_object_id | resource SETTING "AWS::GuardDuty::ThreatIntelSet"
responseElements.ipSetId -> target.resource.product_object_id | resource SETTING "AWS::GuardDuty::IPSet"
requestParameters.ipSetId -> target.resource.product_object_id | resource SETTING "AWS::GuardDuty::IPSet"
responseElements.detectorId -> target.resource.product_object_id | resource SERVICE "AWS::GuardDuty::Detector"
requestParameters.detectorId -> target.resource.product_object_id | resource SERVICE "AWS::GuardDuty::Detector"
@end
@when eventSource == "logs.amazonaws.com"
responseElements.taskId -> target.resource.product_object_id | resource UNSPECIFIED "AWS::Logs::ExportTask"   # CreateExportTask: the task made
requestParameters.logGroupName -> target.resource.name | resource UNSPECIFIED "AWS::Logs::LogGroup"
@end
@when eventSource == "secretsmanager.amazonaws.com"
requestParameters.secretId -> target.resource.name | resource CREDENTIAL "AWS::SecretsManager::Secret"
responseElements.arn -> target.resource.name | resource CREDENTIAL "AWS::SecretsManager::Secret"   # CreateSecret
requestParameters.name -> target.resource.name | resource CREDENTIAL "AWS::SecretsManager::Secret"
additionalEventData.SecretId -> target.resource.name | resource CREDENTIAL "AWS::SecretsManager::Secret" \
    # the service's own events (RotationStarted, RotationSucceeded, RotationFailed) name the secret here
@end
@when eventSource == "ssm.amazonaws.com"
requestParameters.instanceIds[*] -> target.resource.product_object_id | resource VIRTUAL_MACHINE "AWS::EC2::Instance"   # SendCommand
requestParameters.target -> target.resource.product_object_id | resource VIRTUAL_MACHINE "AWS::EC2::Instance"   # StartSession
requestParameters.name -> target.resource.name | resource SETTING "AWS::SSM::Parameter"   # GetParameter, PutParameter, DeleteParameter
requestParameters.names[*] -> target.resource.name | resource SETTING "AWS::SSM::Parameter"   # GetParameters: every parameter read
requestParameters.documentName -> target.resource.name | resource SETTING "AWS::SSM::Document"
@end
@when eventSource == "elasticloadbalancing.amazonaws.com"
responseElements.loadBalancers[*].loadBalancerArn -> target.resource.name | resource LOAD_BALANCER "AWS::ElasticLoadBalancingV2::LoadBalancer" \
    # CreateLoadBalancer (v2)
requestParameters.loadBalancerArn -> target.resource.name | resource LOAD_BALANCER "AWS::ElasticLoadBalancingV2::LoadBalancer"
requestParameters.loadBalancerName -> target.resource.name | resource LOAD_BALANCER "AWS::ElasticLoadBalancing::LoadBalancer"   # classic load balancers
requestParameters.targetGroupArn -> target.resource.name | resource BACKEND_SERVICE "AWS::ElasticLoadBalancingV2::TargetGroup"
@end
@when eventSource == "cloudformation.amazonaws.com"
responseElements.stackId -> target.resource.name | resource UNSPECIFIED "AWS::CloudFormation::Stack"   # CreateStack
requestParameters.stackName -> target.resource.name | resource UNSPECIFIED "AWS::CloudFormation::Stack"
@end
@when eventSource == "sns.amazonaws.com"
responseElements.topicArn -> target.resource.name | resource UNSPECIFIED "AWS::SNS::Topic"   # CreateTopic
requestParameters.topicArn -> target.resource.name | resource UNSPECIFIED "AWS::SNS::Topic"
@end
@when eventSource == "sqs.amazonaws.com"
responseElements.queueUrl -> target.resource.name | resource UNSPECIFIED "AWS::SQS::Queue"   # CreateQueue
requestParameters.queueUrl -> target.resource.name | resource UNSPECIFIED "AWS::SQS::Queue"
@end
@when eventSource == "organizations.amazonaws.com"
requestParameters.accountId -> target.resource.product_object_id | resource CLOUD_PROJECT "AWS::Organizations::Account" \
    # CloseAccount, MoveAccount, RemoveAccountFromOrganization
requestParameters.policyId -> target.resource.product_object_id | resource ACCESS_POLICY "AWS::Organizations::Policy" \
    # AttachPolicy, DetachPolicy, DeletePolicy
requestParameters.organizationalUnitId -> target.resource.product_object_id | resource CLOUD_ORGANIZATION "AWS::Organizations::OrganizationalUnit"
responseElements.organization.id -> target.resource.product_object_id | resource CLOUD_ORGANIZATION "AWS::Organizations::Organization"   # CreateOrganization
@end
@when eventSource == "backup.amazonaws.com"
requestParameters.recoveryPointArn -> target.resource.name | resource SNAPSHOT "AWS::Backup::RecoveryPoint"
requestParameters.backupVaultName -> target.resource.name | resource UNSPECIFIED "AWS::Backup::BackupVault"
requestParameters.backupPlanId -> target.resource.product_object_id | resource SETTING "AWS::Backup::BackupPlan"
@end
@when eventSource == "access-analyzer.amazonaws.com"
requestParameters.analyzerName -> target.resource.name | resource SERVICE "AWS::AccessAnalyzer::Analyzer"
requestParameters.analyzerArn -> target.resource.name | resource SERVICE "AWS::AccessAnalyzer::Analyzer"
@end
@when eventSource == "dynamodb.amazonaws.com"
requestParameters.tableName -> target.resource.name | resource TABLE "AWS::DynamoDB::Table"
@end
@when eventSource == "glue.amazonaws.com"
requestParameters.databaseName + "." + requestParameters.tableName -> target.resource.name | resource TABLE "AWS::Glue::Table"
requestParameters.name -> target.resource.name | resource DATASET "AWS::Glue::Database" \
    | when eventName in (CreateDatabase, DeleteDatabase, GetDatabase, UpdateDatabase)
@end
@when eventSource == "ecs.amazonaws.com"
requestParameters.cluster -> target.resource.name | resource CLUSTER "AWS::ECS::Cluster"
@end
@when eventSource == "eks.amazonaws.com"
requestParameters.name -> target.resource.name | resource CLUSTER "AWS::EKS::Cluster"
@end
@when eventSource == "autoscaling.amazonaws.com"
requestParameters.autoScalingGroupName -> target.resource.name | resource UNSPECIFIED "AWS::AutoScaling::AutoScalingGroup"
@end
@when eventSource == "kinesis.amazonaws.com"
requestParameters.streamName -> target.resource.name | resource UNSPECIFIED "AWS::Kinesis::Stream"
@end
@when eventSource == "acm.amazonaws.com"
requestParameters.certificateArn -> target.resource.name | resource CREDENTIAL "AWS::CertificateManager::Certificate"
@end
@when eventSource == "route53.amazonaws.com"
requestParameters.hostedZoneId -> target.resource.product_object_id | resource UNSPECIFIED "AWS::Route53::HostedZone"
@end

# ---- The general target rule ---------------------------------------------------------------------
# [added] For the calls and keys no row above names: `| target_key` searches requestParameters and
# responseElements (see README, "Which resource"). Precedence: (1) the rows above; (2) for a call whose
# name starts with a verb of cloudtrail-creating-verbs, the object the response names (and what the
# request names besides it becomes src.resource); (3) the request key whose stem is the call's noun
# (DeleteFlowLogs -> FlowLogId, DescribeAlarms -> alarmNames), then a bare name / id / arn; (4) the
# shallowest other identifying key, in document order. cloudtrail-target-keys removes keys that name
# no resource (none) and keys that name what the call uses (used: about resources labelled with their
# key); ids go to product_object_id, names and ARNs to name; resource_subtype is SERVICE:Stem
# (eks:Cluster), resource_type from cloudtrail-key-resource-types. The google-secops profile restates
# this rule after its own rows.
@when exists requestParameters or exists responseElements
eventName -> target.resource.name \
    | target_key cloudtrail-target-keys cloudtrail-creating-verbs cloudtrail-key-resource-types   # [added]
@end

eventName -> target.resource.resource_type | lookup cloudtrail-resource-types   # [added] see the lookup
requestParameters.roleName -> target.resource.attribute.roles.name  # [ref]
requestParameters.roleName -> target.user.role_name                 # [ref]
requestParameters.policyDocument -> target.resource.attribute.roles.description   # [ref]
requestParameters.policyArn -> target.resource.attribute.labels["policyArn"]   # [ref]
requestParameters.policyArn -> security_result.rule_name | after_last "/"   # [G] 2024-03-22 the policy name
requestParameters.instanceIds[*] -> target.resource.attribute.labels["req_instance_ids"]   # [G] 2026-03-24
requestParameters.networkInterfaceSet.items[*].associatePublicIpAddress -> target.resource.attribute.labels["associatePublicIpAddress"]   # [G] 2024-04-30
sessionCredentialFromConsole -> target.resource.attribute.labels["sessionCredentialFromConsole"]   # [G]
serviceEventDetails.closeAccountStatus.completedTimestamp \
    -> target.resource.attribute.labels["service_event_details_close_account_status_completed_timestamp"]   # [G] 2026-02-25
responseElements -> target.resource.attribute.labels | flatten | when readOnly == false or eventName == "TerminateInstances" \
    # [G] "many request/response values become target.resource labels"; TerminateInstances 2024-03-04
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
requestParameters.CreateAccessPointRequest.PublicAccessBlockConfiguration.RestrictPublicBuckets -> target.resource.attribute.labels["RestrictPublicBuckets"] \
    # [ref]
requestParameters.destinationCidrBlock -> target.labels["destinationCidrBlock"]   # [ref] (Noun.labels: deprecated, in the schema)
requestParameters.s3BucketName -> target.file.full_path             # [ref]
requestParameters.bucketName + "/" + requestParameters.key -> target.file.full_path   # [added] the S3 object of a data event
responseElements.command.outputS3BucketName -> target.file.full_path   # [ref] (SSM SendCommand)

# Users and groups acted on.
responseElements.user.arn -> target.user.userid                     # [ref]
responseElements.user.userName -> target.user.user_display_name     # [ref]
requestParameters.newUserName -> target.user.user_display_name      # [ref] (UpdateUser: the new name)
@when eventSource == "iam.amazonaws.com" \
    and eventName in (CreateUser, DeleteUser, UpdateUser, CreateLoginProfile, UpdateLoginProfile, DeleteLoginProfile, AddUserToGroup, RemoveUserFromGroup, \
    CreateAccessKey, DeleteAccessKey, AttachUserPolicy, DetachUserPolicy, PutUserPolicy, DeleteUserPolicy, UpdateAccessKey, GetUser, GetLoginProfile, \
    ListAccessKeys, ListAttachedUserPolicies, ListUserPolicies, ListGroupsForUser, TagUser, UntagUser, EnableMFADevice, DeactivateMFADevice, ResyncMFADevice, \
    PutUserPermissionsBoundary, DeleteUserPermissionsBoundary)
requestParameters.userName -> target.user.userid   # [added] the IAM user acted on, when no response names it (its name is its id within the account)
requestParameters.userName -> target.user.user_display_name         # [added] (USER_DELETION requires target.user)
@end
requestParameters.userName -> src.user.user_display_name            # [ref]
requestParameters.userName -> src.user.userid                       # [ref]
responseElements.group.arn -> target.group.product_object_id        # [ref]
requestParameters.groupName -> target.group.group_display_name      # [ref]
requestParameters.newGroupName -> target.group.group_display_name   # [ref]
responseElements.group.groupName -> target.group.group_display_name   # [ref]
requestParameters.groupName -> src.group.group_display_name         # [ref]
requestParameters.logGroupName -> target.group.group_display_name | when eventName == "CreateLogGroup" \
    # [added] the reference types CreateLogGroup GROUP_CREATION, which requires the group's name

# Files and images.
requestParameters.outputS3BucketName -> src.file.full_path          # [ref] (SSM SendCommand)
requestParameters.layerDigest -> src.file.sha256                    # [ref] (ECR)
responseElements.image.imageId.imageDigest -> src.file.sha256       # [ref] (ECR PutImage)
responseElements.image.imageManifestMediaType -> src.file.mime_type   # [ref] (ECR PutImage)

# Image and snapshot sharing.
requestParameters.attributeType -> additional["createVolumePermission_attributeType"] | when exists requestParameters.createVolumePermission \
    # [ref] condition: the snapshot form of the call
requestParameters.attributeType -> additional["launchPermission_attributeType"] | when exists requestParameters.launchPermission \
    # [ref] condition: the image form of the call
requestParameters.createVolumePermission.add.items.0.userId -> additional["createVolumePermission_userId"]   # [ref]
requestParameters.launchPermission.add.items.0.userId -> additional["launchPermission_userId"]   # [ref]
requestParameters.imagesSet.items.0.imageId -> additional["imagesSet"]   # [ref]


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
insightDetails.insightContext.attributions[attribute=errorCode].insight.0.value -> security_result.rule_id \
    | when insightDetails.insightContext.attributions[attribute=errorCode].insight.0.value != "null" \
    # [ref] by attribute name; "null" means the calls succeeded
requestParameters.securityGroupRuleIds.items.0.securityGroupRuleId -> security_result.rule_id   # [ref]
responseElements.securityGroupRuleSet.items.0.securityGroupRuleId -> security_result.rule_id   # [ref]
responseElements.securityGroupRuleSet.items.0.groupId -> security_result.rule_labels["groupId"]   # [ref]
eventName -> security_result.summary | when exists errorCode        # [ref] condition: a failed call (the sample's successful call has no summary)
errorMessage -> security_result.description                         # [ref]
eventCategory -> security_result.category_details                   # [ref] [sample]
"BLOCK" -> security_result.action | when exists errorCode           # [G] an error code means the call was refused
"BLOCK" -> security_result.action | when serviceEventDetails.UserAuthentication == "Failure" or serviceEventDetails.CredentialVerification == "Failure" \
    or serviceEventDetails.CredentialChallenge == "Failure" or responseElements.CheckMfa == "Failure" or responseElements.PasswordUpdated == "Failure" \
    # [added] a failed sign-in step (IAM Identity Center, MFA check, password change at sign-in)
"FAIL" -> security_result.action | when eventType == "AwsServiceEvent" and eventName contains "Failed" \
    # [added] a service's own step that failed (Secrets Manager RotationFailed): no call was refused, none succeeded
"ALLOW" -> security_result.action | when exists eventName            # [G] [sample] an API call that did not fail (Insights events report no call)
responseElements.assumedRoleUser.arn -> security_result.about.resource.id   # [ref]
responseElements.assumedRoleUser.assumedRoleId -> security_result.about.resource.name   # [ref]
requestParameters.name.0 -> security_result.about.application       # [ref]
requestParameters.names.0 -> security_result.about.application      # [ref]
requestParameters.encryptionAlgorithm -> security_result.detection_fields["encryptionAlgorithm"] \
    # [ref] detection_fields.labels is not in the schema: a detection_fields label is its home
responseElements.keyMetadata.encryptionAlgorithms[*] -> security_result.detection_fields["encryptionAlgorithm"]   # [ref] one label per algorithm

# ---- Insights -------------------------------------------------------------------------------
insightDetails.insightContext.attributions[attribute=userIdentityArn].insight.0.value -> principal.user.userid   # [ref] by attribute name, not position
# [added] Every attribution, not only the first: each caller, user agent and error code that drove
# the anomaly (the first is also mapped above).
insightDetails.insightContext.attributions[attribute=userIdentityArn].insight[*].value -> about[].user.userid   # [added] every caller
insightDetails.insightContext.attributions[attribute=userIdentityArn].insight[*].value -> security_result.detection_fields["userIdentityArn"]   # [added]
insightDetails.insightContext.attributions[attribute=userAgent].insight[*].value -> security_result.detection_fields["userAgent"]   # [added]
insightDetails.insightContext.attributions[attribute=errorCode].insight[*].value -> security_result.detection_fields["errorCode"]   # [added]
insightDetails.insightType -> additional["insightType"]             # [ref]
insightDetails.state -> additional["insightState"]                  # [added] Start / End of the anomaly

# ---- Kept as they are, for searches the fields above do not cover ---------------------------
sharedEventID -> additional["sharedEventID"]                        # [added] links the copies of a cross-account event
additionalEventData -> additional["additionalEventData"] \
    # [added] the whole object (MFA, sign-in and S3 transfer details); its fields above are also mapped to UDM
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
#    injection, module loads, elevation and the file and socket types have the observed process as the
#    actor (principal.process, acting on target.process / target.file), the others describe a process
#    that was started (target.process).
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
PrivilegeEscalation:Runtime/DockerSocketAccessed = FILE_OPEN               # principal.process opened target.file, the Docker socket
PrivilegeEscalation:Runtime/CGroupsReleaseAgentModified = FILE_MODIFICATION # ... rewrote target.file, the cgroup release agent
PrivilegeEscalation:Runtime/RuncContainerEscape = FILE_MODIFICATION         # ... overwrote target.file, the runc binary
PrivilegeEscalation:Runtime/ContainerMountsHostDirectory = FILE_UNCATEGORIZED   # ... mounted target.file, a host directory
DefenseEvasion:Runtime/PtraceAntiDebugging = PROCESS_UNCATEGORIZED          # nothing else acted on: the process is the subject (target.process)
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
# One category per finding (guardduty.map tries the two tables in this order): its family, else its
# threat purpose. A detection engineer reads the
# category as "what kind of bad is this": a call from a known-malicious address is NETWORK_MALICIOUS
# whatever purpose GuardDuty files it under, malware is SOFTWARE_MALICIOUS, and suspicious-software
# categories are kept for findings that involve software.

# The family: GuardDuty's ThreatFamilyName, the finding name after "/" without the detection
# mechanism after "." and the artifact after "!" (UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom
# -> MaliciousIPCaller, Impact:S3/AnomalousBehavior.Delete -> AnomalousBehavior). Every finding of a
# family gets the family's category, whatever its purpose: similar findings read alike (a test checks it
# over every type of the catalogue).
@lookup guardduty-family-categories default empty
AnomalousBehavior = AUTH_VIOLATION            # valid credentials (IAM, Kubernetes, RDS users) used unlike their profile, whatever GuardDuty files it under
UserPermissions = AUTH_VIOLATION              # retired IAM types: a principal's unusual calls to list or change permissions, as AnomalousBehavior
NetworkPermissions = AUTH_VIOLATION
ResourcePermissions = AUTH_VIOLATION
ObjectDelete = DATA_DESTRUCTION               # Impact:S3/ObjectDelete.Unusual
ObjectRead = DATA_EXFILTRATION                # Exfiltration:S3/ObjectRead.Unusual
MaliciousIPCaller = NETWORK_MALICIOUS         # calls from addresses on threat lists
DropPoint = NETWORK_MALICIOUS                 # traffic to addresses known to hold stolen data
BlackholeTraffic = NETWORK_MALICIOUS          # traffic to black-holed addresses
DriveBySourceTraffic = NETWORK_MALICIOUS      # traffic to drive-by download sources
MaliciousDomainRequest = NETWORK_MALICIOUS    # queries for domains known to be malicious
SuspiciousDomainRequest = NETWORK_SUSPICIOUS
AbusedDomainRequest = NETWORK_SUSPICIOUS
UnusualASNCaller = NETWORK_SUSPICIOUS
NetworkPortUnusual = NETWORK_SUSPICIOUS
TrafficVolumeUnusual = NETWORK_SUSPICIOUS
UnusualDNSResolver = NETWORK_SUSPICIOUS
UnusualDoHActivity = NETWORK_SUSPICIOUS
UnusualDoTActivity = NETWORK_SUSPICIOUS
TorIPCaller = TOR_EXIT_NODE                   # calls from Tor exit nodes
TorClient = TOR_EXIT_NODE                     # the resource talks to Tor: the closest network category UDM has
TorRelay = TOR_EXIT_NODE
"C&CActivity" = NETWORK_COMMAND_AND_CONTROL
DGADomainRequest = NETWORK_COMMAND_AND_CONTROL   # generated domains are how malware finds its controller
DenialOfService = NETWORK_DENIAL_OF_SERVICE
Spambot = MAIL_SPAM
PhishingDomainRequest = PHISHING
DNSDataExfiltration = DATA_EXFILTRATION
InstanceCredentialExfiltration = AUTH_VIOLATION   # the instance's credentials used elsewhere
ResourceCredentialExfiltration = AUTH_VIOLATION
SSHBruteForce = AUTH_VIOLATION
RDPBruteForce = AUTH_VIOLATION
WinRMBruteForce = AUTH_VIOLATION
Portscan = NETWORK_RECON
PortSweep = NETWORK_RECON
PortProbeUnprotectedPort = NETWORK_RECON
PortProbeEMRUnprotectedPort = NETWORK_RECON
MaliciousFile = SOFTWARE_MALICIOUS            # malware found by a scan (EC2, EBS, S3, backups)
MaliciousFileExecuted = SOFTWARE_MALICIOUS
XORDDOS = SOFTWARE_MALICIOUS
ReverseShell = SOFTWARE_MALICIOUS
SuspiciousFile = SOFTWARE_SUSPICIOUS
SuspiciousCommand = SOFTWARE_SUSPICIOUS
SuspiciousTool = SOFTWARE_SUSPICIOUS
SuspiciousShellCreated = SOFTWARE_SUSPICIOUS
NewBinaryExecuted = SOFTWARE_SUSPICIOUS
NewLibraryLoaded = SOFTWARE_SUSPICIOUS
FilelessExecution = SOFTWARE_SUSPICIOUS
ProcessInjection = SOFTWARE_SUSPICIOUS
KernelModuleLoaded = SOFTWARE_SUSPICIOUS
PtraceAntiDebugging = SOFTWARE_SUSPICIOUS
BitcoinTool = SOFTWARE_PUA                    # crypto-mining: unwanted software using the resource
BitcoinDomainRequest = SOFTWARE_PUA
CryptoMinerExecuted = SOFTWARE_PUA
KaliLinux = SOFTWARE_SUSPICIOUS               # calls made from penetration-testing distributions
ParrotLinux = SOFTWARE_SUSPICIOUS
PentooLinux = SOFTWARE_SUSPICIOUS
MetadataDNSRebind = EXPLOIT                   # DNS rebinding to reach the instance metadata service
RuncContainerEscape = EXPLOIT
CGroupsReleaseAgentModified = EXPLOIT
DockerSocketAccessed = EXPLOIT
ContainerMountsHostDirectory = EXPLOIT
ElevationToRoot = EXPLOIT
UserfaultfdUsage = EXPLOIT
PrivilegedContainer = EXPLOIT
ContainerWithSensitiveMount = POLICY_VIOLATION
ExposedDashboard = POLICY_VIOLATION
KubeflowDashboardExposed = POLICY_VIOLATION
AdminAccessToDefaultServiceAccount = POLICY_VIOLATION
SuccessfulAnonymousAccess = ACL_VIOLATION     # anonymous callers allowed into a resource
AnonymousAccessGranted = ACL_VIOLATION
BucketAnonymousAccessGranted = ACL_VIOLATION
BucketPublicAccessGranted = ACL_VIOLATION
BucketBlockPublicAccessDisabled = POLICY_VIOLATION
AccountBlockPublicAccessDisabled = POLICY_VIOLATION
CloudTrailLoggingDisabled = POLICY_VIOLATION
ServerAccessLoggingDisabled = POLICY_VIOLATION
BedrockLoggingDisabled = POLICY_VIOLATION
LoggingConfigurationModified = POLICY_VIOLATION
DisableOrModifyTools = POLICY_VIOLATION
PasswordPolicyChange = POLICY_VIOLATION
RootCredentialUsage = POLICY_VIOLATION
ShortTermRootCredentialUsage = POLICY_VIOLATION
ConsoleLoginSuccess = AUTH_VIOLATION
ConsoleLogin = AUTH_VIOLATION
@end

# By threat purpose (type before ':'): the fallback, for every purpose of guardduty-finding-types.tsv
# and of the corpus. [P] marks the proposal's choice (guardduty-udm-mapping.tsv, row type ->
# category_details); the others are ours, with the reason. Unknown purposes give UNKNOWN_CATEGORY.
@lookup guardduty-purpose-categories default UNKNOWN_CATEGORY
AttackSequence = SOFTWARE_MALICIOUS        # correlated compromise; 3 of the 5 sequences are workload (malware/runtime) compromises
Backdoor = SOFTWARE_MALICIOUS              # [P] the resource is compromised and controlled by an attacker
Behavior = NETWORK_SUSPICIOUS              # unusual ports or traffic volume
CredentialAccess = AUTH_VIOLATION          # [P]
CryptoCurrency = SOFTWARE_PUA              # crypto-mining, as the families above ([P] SOFTWARE_MALICIOUS / NETWORK_SUSPICIOUS)
DefenseEvasion = POLICY_VIOLATION          # [P]
DefenseImpairment = POLICY_VIOLATION       # disabling or modifying security tools and logging, as Stealth / DefenseEvasion
Discovery = NETWORK_RECON                  # [P]
Execution = SOFTWARE_SUSPICIOUS            # [P] commands run in pods and containers
Exfiltration = DATA_EXFILTRATION           # [P]
Impact = AUTH_VIOLATION \
    # what remains without a family is anomalous API activity of valid credentials (IAM, S3, Kubernetes); [P] SOFTWARE_SUSPICIOUS named software that is not
#   involved
InitialAccess = AUTH_VIOLATION             # anomalous use of credentials to get in, as UnauthorizedAccess
Object = SOFTWARE_MALICIOUS                # Object:S3/MaliciousFile: malware in an S3 object
S3Object = SOFTWARE_MALICIOUS              # S3Object:S3/MaliciousFile: the same, newer name
PenTest = SOFTWARE_SUSPICIOUS              # API calls from penetration-testing distributions (Kali, Parrot, Pentoo)
Persistence = AUTH_VIOLATION \
    # as Impact: anomalous API activity of valid credentials keeping a foothold; [P]'s SOFTWARE_SUSPICIOUS only where a family names software
Policy = POLICY_VIOLATION                  # [P]
PrivilegeEscalation = EXPLOIT              # gaining privileges beyond those granted (container escapes, privileged pods, admin policies)
Recon = NETWORK_RECON                      # [P]
ResourceConsumption = POLICY_VIOLATION     # retired ResourceConsumption:IAMUser/ComputeResources: unusual compute launches
Stealth = POLICY_VIOLATION                 # [P]
Trojan = SOFTWARE_MALICIOUS                # [P]
UnauthorizedAccess = AUTH_VIOLATION        # [P]
Canary = UNKNOWN_CATEGORY                  # Canary:EC2/Stateless.IntegTest (corpus): GuardDuty's own test finding, no threat
@end

# ---- ATT&CK tactics and techniques ------------------------------------------------------------
# [G] 2023-08-18: Google fills security_result.attack_details.tactics / techniques "derived from the
# finding type"; its table is not public. Ours, in guardduty.map's order (the first tactic written wins):
#   1. a threat purpose that IS an ATT&CK tactic's name (guardduty-stated-tactic-ids) is the tactic
#      GuardDuty states, and it is kept: Exfiltration:S3/MaliciousIPCaller is TA0010 Exfiltration even
#      though its technique, T1530 Data from Cloud Storage, is filed under Collection in ATT&CK (so are
#      Impact:EC2/PortSweep with T1046 and Impact:EC2/WinRMBruteForce with T1110: the instance attacks
#      others, which GuardDuty files as Impact; the technique says how);
#   2. otherwise the tactic of the technique the type names (attack-technique-tactics);
#   3. otherwise the tactic the purpose stands for (guardduty-purpose-tactic-ids).
# Purposes with no single tactic (Policy, PenTest, Behavior, Object, S3Object, AttackSequence, Canary)
# give none; attack sequences carry their own tactics (sequenceIndicators ATTACK_TACTIC).
@lookup guardduty-stated-tactic-ids default empty
CredentialAccess = TA0006
DefenseEvasion = TA0005
Discovery = TA0007
Execution = TA0002
Exfiltration = TA0010
Impact = TA0040
InitialAccess = TA0001
Persistence = TA0003
PrivilegeEscalation = TA0004
@end

# Purposes that are not a tactic's name but stand for one (GuardDuty's older purposes).
@lookup guardduty-purpose-tactic-ids default empty
Backdoor = TA0011
CryptoCurrency = TA0040
DefenseImpairment = TA0005
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
TA0009 = "Collection"
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

# A technique's tactic: the one of the technique's ATT&CK tactics that the GuardDuty findings carrying it
# are about (T1078 Valid Accounts is also Persistence and Privilege Escalation; GuardDuty's findings
# that name it are about getting in). The finding's tactic is this one whenever it names a technique.
@lookup attack-technique-tactics default empty
T1046 = TA0007    # Network Service Discovery: Discovery
T1048 = TA0010    # Exfiltration Over Alternative Protocol: Exfiltration
T1055 = TA0005    # Process Injection: Defense Evasion (also Privilege Escalation)
T1059 = TA0002    # Command and Scripting Interpreter: Execution
T1071 = TA0011    # Application Layer Protocol: Command and Control
T1078 = TA0001    # Valid Accounts: Initial Access
T1090 = TA0011    # Proxy: Command and Control
T1110 = TA0006    # Brute Force: Credential Access
T1485 = TA0040    # Data Destruction: Impact
T1496 = TA0040    # Resource Hijacking: Impact
T1498 = TA0040    # Network Denial of Service: Impact
T1530 = TA0009    # Data from Cloud Storage: Collection
T1552 = TA0006    # Unsecured Credentials: Credential Access
T1562 = TA0005    # Impair Defenses: Defense Evasion
T1568 = TA0011    # Dynamic Resolution: Command and Control
T1595 = TA0043    # Active Scanning: Reconnaissance
T1609 = TA0002    # Container Administration Command: Execution
T1611 = TA0004    # Escape to Host: Privilege Escalation
T1619 = TA0007    # Cloud Storage Object Discovery: Discovery
T1620 = TA0005    # Reflective Code Loading: Defense Evasion
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
@lookup guardduty-kind-container default CONTAINER
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

# ---- security_result.action: did the activity happen? -------------------------------------------
# The rule (guardduty.map applies it in this order, one value, the first wins):
#   1. the finding says blocked (*Action.blocked: true -> BLOCK, false -> ALLOW) [G];
#   2. the finding's type says the activity happened (guardduty-type-outcomes): ALLOW, never BLOCK or
#      FAIL, whatever error code one of its calls carries (a bucket made public "with" an errorCode
#      was still made public);
#   3. the calls it reports, taken together (additionalInfo.anomalies.anomalousAPIs, summarized by
#      '| call_outcome'; else the one call's awsApiCallAction.errorCode): any success -> ALLOW, every
#      call denied (whatever denial code each carries) -> BLOCK, all failed and some not by denial ->
#      FAIL (guardduty-call-outcomes, guardduty-call-outcome-actions);
#   4. Kubernetes status codes and RDS login counts, as guardduty.map says;
#   5. nothing stated: no action.

# Finding types whose name says the activity happened: a permission granted, a protection or log
# disabled, a configuration modified or changed, a login that succeeded, an object read or deleted,
# a role or workload created, a socket accessed. ALLOW is what the finding reports. (Root credential
# usage is not here: the root call a finding reports can itself have been refused.)
@lookup guardduty-type-outcomes default empty
Policy:S3/BucketPublicAccessGranted = ALLOW
Policy:S3/BucketAnonymousAccessGranted = ALLOW
Policy:S3/BucketBlockPublicAccessDisabled = ALLOW
Policy:S3/AccountBlockPublicAccessDisabled = ALLOW
Policy:Kubernetes/AnonymousAccessGranted = ALLOW
Stealth:IAMUser/CloudTrailLoggingDisabled = ALLOW
Stealth:IAMUser/LoggingConfigurationModified = ALLOW
Stealth:IAMUser/PasswordPolicyChange = ALLOW
Stealth:S3/ServerAccessLoggingDisabled = ALLOW
DefenseEvasion:IAMUser/BedrockLoggingDisabled = ALLOW
Impact:S3/PermissionsModification.Unusual = ALLOW
Impact:S3/ObjectDelete.Unusual = ALLOW
Exfiltration:S3/ObjectRead.Unusual = ALLOW
UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B = ALLOW
CredentialAccess:Kubernetes/SuccessfulAnonymousAccess = ALLOW
DefenseEvasion:Kubernetes/SuccessfulAnonymousAccess = ALLOW
Discovery:Kubernetes/SuccessfulAnonymousAccess = ALLOW
Impact:Kubernetes/SuccessfulAnonymousAccess = ALLOW
Persistence:Kubernetes/SuccessfulAnonymousAccess = ALLOW
CredentialAccess:Kubernetes/AnomalousBehavior.SecretsAccessed = ALLOW
PrivilegeEscalation:Kubernetes/AnomalousBehavior.RoleBindingCreated = ALLOW
PrivilegeEscalation:Kubernetes/AnomalousBehavior.RoleCreated = ALLOW
Execution:Kubernetes/AnomalousBehavior.WorkloadDeployed = ALLOW
"PrivilegeEscalation:Kubernetes/AnomalousBehavior.WorkloadDeployed!PrivilegedContainer" = ALLOW
"PrivilegeEscalation:Kubernetes/AnomalousBehavior.WorkloadDeployed!ContainerWithSensitiveMount" = ALLOW
"Persistence:Kubernetes/AnomalousBehavior.WorkloadDeployed!ContainerWithSensitiveMount" = ALLOW
CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin = ALLOW
CredentialAccess:RDS/AnomalousBehavior.SuccessfulBruteForce = ALLOW
CredentialAccess:RDS/MaliciousIPCaller.SuccessfulLogin = ALLOW
CredentialAccess:RDS/TorIPCaller.SuccessfulLogin = ALLOW
PrivilegeEscalation:Runtime/CGroupsReleaseAgentModified = ALLOW
PrivilegeEscalation:Runtime/DockerSocketAccessed = ALLOW
@end

# A call's outcome (an awsApiCallAction.errorCode, or each call the finding reports) -> its class:
# "denied" when authorization refused it, whatever the service calls the refusal; any other error code
# (NoSuchBucket, NoSuchEntity, Throttling, ...) failed the call for another reason: "failed", the
# default. Prefix keys, so that the variants of a denial match (AccessDeniedException,
# ForbiddenException, AuthorizationErrorException, NotAuthorizedException). The codes are the ones AWS
# documents for a refused authorization: AccessDenied (IAM, STS, S3 and most JSON APIs as
# AccessDeniedException), UnauthorizedOperation (EC2, "Client." as CloudTrail prefixes it),
# UnauthorizedAccess and UnauthorizedException, Forbidden (REST APIs), AuthorizationError (SNS),
# NotAuthorized (Cognito), AllAccessDisabled (S3: every access to the resource refused). AuthFailure
# (EC2: the credentials could not be validated) is no decision on permission: it stays "failed".
@lookup guardduty-call-outcomes prefix default failed
AccessDenied = denied
UnauthorizedOperation = denied
Client.UnauthorizedOperation = denied
UnauthorizedAccess = denied
UnauthorizedException = denied
Forbidden = denied
AuthorizationError = denied
NotAuthorized = denied
AllAccessDisabled = denied
@end

# The outcome of the calls taken together (the '| call_outcome guardduty-call-outcomes' summary, or the
# one call's class) -> the action: any success ALLOW; every call denied BLOCK, even when the codes
# differ (AccessDenied on IAM, UnauthorizedOperation on EC2); failed, or "mixed" (denied and failed
# for another reason), FAIL, the default.
@lookup guardduty-call-outcome-actions default FAIL
success = ALLOW
denied = BLOCK
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
# Who is who: roles by direction. A detection engineer reads every finding as "who did what to
# which resource, from where, and did it work?", so each party is one noun and the finding's
# direction decides which noun. Two roles (see @role in Mappings/README.md) say it once:
#   $resource  the finding's resource: the instance (id, hostname, addresses, tags, zone, image, type
#              together), ECS task and containers, Lambda function, RDS database, EKS cluster, S3 bucket;
#   $remote    the other side of the activity: the remote address with its port, location, ASN,
#              organisation and ISP (or, for DNS requests, the name asked for).
# The resource ACTS (it is the principal, the remote side is the target, with target.location) when:
#   - it opened an OUTBOUND connection (or one of UNKNOWN direction, as Google places every connection),
#     Lambda network activity included;
#   - it made a DNS request (the question is the target);
#   - Runtime Monitoring saw a process on it with no network action: the acting process is
#     principal.process on the resource's host, what it acted on (a started or injected process, a
#     socket, a file, a module) is the target.
# Otherwise the resource is ACTED ON (it is the target, the remote side is the principal):
#   - an INBOUND connection and a PORT_PROBE: the remote host is principal (ip, port, location, ASN,
#     organisation, ISP), the instance is target (its local address, the local or probed port, id, hostname);
#   - API calls, RDS logins, Kubernetes API calls: the caller is principal (address, identity, geography),
#     the resource acted on is target;
#   - malware scans, attack sequences and any other finding: the scanned or named resource is target.
# [departs] Google's documented rows put the instance on principal (localIpDetails, networkInterfaces ->
# principal.ip) and the remote address on target.ip for every network finding, and moved the remote
# geography to principal.location [G 2026-07-27] while the address stayed on target: an inbound SSH brute
# force then names the attacker as target with its source port and the instance's port on the attacker,
# and a rule "target.port = 22" never matches. Google's own GuardDuty rules read only metadata and the
# Sample label in their events: sections, and report principal.ip and its country as the attacker's in
# their outcomes; so the roles above apply to every output, and each rule below that departs from a
# documented row says so.
# A location always sits on the noun of the address it describes, in Location's current fields
# (region_coordinates, not the deprecated region_latitude/region_longitude); GuardDuty's (0, 0)
# placeholder coordinates are dropped. The remote address is also that noun's ip_geo_artifact (ip,
# location, network ASN / organisation / ISP), which Google's rule outcomes read for the country.
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
@match (exists service.detectorId or service.serviceName in (guardduty, GuardDuty) or exists resource.resourceType or (exists schemaVersion \
    and (exists service or exists resource))) and missing eventVersion and missing eventSource and missing eventName
@eventbridge "GuardDuty Finding"
# The roles. The resource acts in outbound (and unknown-direction) connections, DNS requests and
# runtime process findings without an action; in everything else it is acted on. Each pair of
# cases is exclusive by construction (one condition and its negation).
@define inbound = service.action.networkConnectionAction.connectionDirection == INBOUND
@define outbound_connection = exists service.action.networkConnectionAction and not inbound
@define runtime_without_action = exists service.runtimeDetails.process and missing service.action
@define resource_acts = outbound_connection or exists service.action.dnsRequestAction or runtime_without_action
# S3 findings filed under the caller's access key (older findings, and AWS's samples of
# Policy:S3/BucketBlockPublicAccessDisabled: resourceType AccessKey with s3BucketDetails) are about the
# bucket: the bucket is the finding's resource, the key stays the caller's (principal.user.userid).
@define bucket_is_target = resource.resourceType == S3Bucket or (resource.resourceType == AccessKey and exists resource.s3BucketDetails \
    and type contains ":S3/")
# IAM findings (resourceType AccessKey) about a call that affected a resource (Stealth:IAMUser/CloudTrailLoggingDisabled:
# the trail; Policy:IAMUser/S3BlockPublicAccessDisabled: the bucket) are about that resource: it is the target, and
# the key stays the caller's credential (principal.user.userid, principal.resource). The two kinds Google documents.
@define affected_resource_is_target = resource.resourceType == AccessKey and not bucket_is_target \
    and (exists service.action.awsApiCallAction.affectedResources["AWS::CloudTrail::Trail"] \
    or exists service.action.awsApiCallAction.affectedResources["AWS::S3::Bucket"])
# Kubernetes findings that name a workload (pod, deployment, ...) inside the EKS cluster are about that
# workload: it is the resource, the cluster its ancestor.
@define workload_is_resource = resource.resourceType == EKSCluster and exists resource.kubernetesDetails.kubernetesWorkloadDetails.name
@role $resource principal when resource_acts
@role $resource target when not resource_acts
@role $remote target when resource_acts
@role $remote principal when not resource_acts
@dedupe_key id + "|" + updatedAt                                  # a finding is re-exported each time it is updated: one event per update

# Kept whole in additional (copied as JSON) rather than field by field, or deliberately not mapped:
@opaque service.detection.anomaly, service.runtimeDetails.context, service.detection.sequence.signals, service.detection.sequence.sequenceIndicators
@ignore service.serviceName, findingType, partition, resource.instanceDetails.networkInterfaces[*].privateIpAddresses

# ---- On every finding ------------------------------------------------------------------------
"AMAZON" -> metadata.vendor_name                                   # [G-rules]
"AWS GuardDuty" -> metadata.product_name                           # [G-rules]
schemaVersion -> metadata.product_version                          # [P] [E]
updatedAt -> metadata.event_timestamp | timestamp \
    # [G] the last update is the event; Python-style "2017-12-18 21:28:11.551000+05:30" and epoch numbers are accepted
id -> metadata.product_log_id                                      # [P] [E] event.id; the finding id's only place
type -> metadata.product_event_type                                # [G] e.g. UnauthorizedAccess:EC2/TorClient
service.detectorId -> metadata.product_deployment_id               # [added] the detector is GuardDuty's deployment in an account and region
"https://console.aws.amazon.com/guardduty/home?region=" + region + "#/findings?macros=current&fId=" + id -> metadata.url_back_to_product \
    # [added] the finding in the GuardDuty console ([P] proposed the ARN, which is not a URL)
service.action.awsApiCallAction.serviceName -> metadata.description   # [G]
# [departs] [G] accountId -> principal.group.product_object_id: the account owns the finding's resource;
# on an inbound attack the principal is the attacker, whose group it is not.
accountId -> $resource.resource.attribute.labels["accountId"]
arn -> additional["findingArn"] \
    # [departs] [G] target.asset.attribute.cloud.project.product_object_id: the finding's ARN is not the asset's (deprecated) project
# id -> target.asset.attribute.cloud.project.id [G]: [departs] not mapped. The finding id is no
# property of the asset; it is metadata.product_log_id (above) and part of url_back_to_product.
# partition -> target.asset.attribute.cloud.project.type: [G 2026-07-27] removed as deprecated; not mapped.
# [departs] [G] [G-rules] region -> target.location.name: the region is where the resource is, so it is
# on the resource's noun; when the resource acts (outbound, DNS, runtime) target.location is the remote
# side's place, and the region there would contradict it.
region -> $resource.location.name
"AMAZON_WEB_SERVICES" -> $resource.resource.attribute.cloud.environment   # [added] every GuardDuty resource is in AWS (as cloudtrail.map says of its principal)
"AMAZON_WEB_SERVICES" -> $resource.asset.attribute.cloud.environment | when exists resource.instanceDetails   # [added] and so is the instance's machine
createdAt -> additional["createdAt"]                               # [G 2026] data.detail.createdAt -> additional.fields
service.archived -> additional["archived"]                         # [G]
service.detectorId -> additional["detectorId"]                     # [G]
service.resourceRole -> additional["resourceRole"] \
    # [P] TARGET/ACTOR; the placement below follows the action kind instead, because Runtime and S3 malware findings leave it empty
service.featureName -> additional["featureName"]                   # [P] e.g. DnsLogs, FlowLogs, RuntimeMonitoring
service.userFeedback -> additional["userFeedback"]                 # [added] USEFUL / NOT_USEFUL feedback given in the console
service.count -> security_result.detection_fields["count"] \
    # [departs] [G] principal.resource.attribute.labels: occurrences aggregated into this finding describe the detection, and on principal.resource they made an
#   otherwise empty noun
service.action.actionType -> security_result.detection_fields["actionType"] \
    # [departs] [G] principal.group.attribute.labels: the kind of activity is no label of the principal's group (on inbound findings the principal is the
#   attacker)
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
"SCAN_FILE" -> metadata.event_type | when (exists service.ebsVolumeScanDetails or exists service.malwareScanDetails) \
    and exists resource.instanceDetails.instanceId   # 4. a scanned machine
"SCAN_UNCATEGORIZED" -> metadata.event_type | when exists service.ebsVolumeScanDetails or exists service.malwareScanDetails \
    # S3 objects, snapshots, images, recovery points: no machine to name
"GENERIC_EVENT" -> metadata.event_type                             # 5. everything else, unknown types included

# ---- Security result: what GuardDuty concluded ------------------------------------------------
type -> security_result.rule_name                                  # [E] rule.name
type -> security_result.rule_set | before_first "/"                # [E] rule.ruleset: purpose:resource, e.g. Recon:EC2
type -> security_result.category_details | before_first ":"        # [E] [P] the threat purpose, e.g. UnauthorizedAccess
# One category per finding (single-valued writes: the first wins): its family, GuardDuty's
# ThreatFamilyName (the name after "/", without ".mechanism" or "!artifact": MaliciousIPCaller,
# C&CActivity, AnomalousBehavior), the same for every finding of the family; else the threat purpose
# ([P], UNKNOWN_CATEGORY for unknown purposes). See guardduty-classification.map for the reasons.
type -> security_result.category | after_last "/" | before_first "." | before_first "!" | lookup guardduty-family-categories
type -> security_result.category | before_first ":" | lookup guardduty-purpose-categories
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
# ATT&CK [G 2023-08-18 "derived from the finding type"; the tables are ours, see the lookups]. The
# tactic GuardDuty states wins: a threat purpose that is an ATT&CK tactic's name (Exfiltration,
# Discovery, ...) is the finding's tactic. Otherwise, when the type names a technique, the tactic is
# the technique's (attack-technique-tactics); else the tactic the purpose stands for (Backdoor is
# Command and Control). Single-valued writes: the first wins.
type -> security_result.attack_details.techniques.id | lookup guardduty-type-technique-ids
type -> security_result.attack_details.techniques.name | lookup guardduty-type-technique-ids | lookup attack-technique-names
type -> security_result.attack_details.tactics.id | before_first ":" | lookup guardduty-stated-tactic-ids
type -> security_result.attack_details.tactics.name | before_first ":" | lookup guardduty-stated-tactic-ids | lookup attack-tactic-names
type -> security_result.attack_details.tactics.id | lookup guardduty-type-technique-ids | lookup attack-technique-tactics
type -> security_result.attack_details.tactics.name | lookup guardduty-type-technique-ids | lookup attack-technique-tactics | lookup attack-tactic-names
type -> security_result.attack_details.tactics.id | before_first ":" | lookup guardduty-purpose-tactic-ids
type -> security_result.attack_details.tactics.name | before_first ":" | lookup guardduty-purpose-tactic-ids | lookup attack-tactic-names
# Did the activity happen? (the whole rule is in guardduty-classification.map, "security_result.action").
# The finding's own blocked flag comes first (with its action, below); the rules here come next in
# each finding that has no such flag: a type whose name says the activity happened is ALLOW whatever
# error code its call carries.
service.action.networkConnectionAction.blocked -> security_result.action | lookup guardduty-blocked-actions   # [G]
service.action.portProbeAction.blocked -> security_result.action | lookup guardduty-blocked-actions   # [G]
service.action.dnsRequestAction.blocked -> security_result.action | lookup guardduty-blocked-actions   # [G]
type -> security_result.action | lookup guardduty-type-outcomes      # [added]
# The calls an anomaly finding reports, with an outcome each ("iam.amazonaws.com:[ListRoles:AccessDenied ,
# GetUser:success]"), in the EventBridge / export form and inside the JSON text of the API / CLI form:
# taken together they give the action (any success ALLOW, all denied BLOCK, else FAIL), and each call is
# a detection field of its own, keyed by the API's name with its outcome as the value (the service
# names and a list without outcomes stay in the additionalInfo labels below).
service.additionalInfo.anomalies.anomalousAPIs -> security_result.action | call_outcome guardduty-call-outcomes \
    | lookup guardduty-call-outcome-actions   # [added]
service.additionalInfo.value -> security_result.action | json_text "anomalies.anomalousAPIs" | call_outcome guardduty-call-outcomes \
    | lookup guardduty-call-outcome-actions   # [added]
service.additionalInfo.anomalies.anomalousAPIs -> security_result.detection_fields | entries   # [added] ListRoles = AccessDenied, ...
service.additionalInfo.value -> security_result.detection_fields | json_text "anomalies.anomalousAPIs" | entries   # [added]
# Threat intelligence:
service.additionalInfo.threatListName -> security_result.threat_feed_name   # [G]
service.evidence.threatIntelligenceDetails[*].threatListName -> security_result.threat_feed_name   # [P] when additionalInfo has none
service.additionalInfo.threatName -> security_result.threat_name   # [G]
# [added] ... and on the noun of the address or domain the list named (the remote side), so a search
# on that IP or domain finds the list it is on.
service.additionalInfo.threatListName -> $remote.security_result.threat_feed_name
service.additionalInfo.threatName -> $remote.security_result.threat_name
service.evidence.threatIntelligenceDetails[*].threatNames[*] -> security_result.threat_name   # [P] the first threat name
# [added] Each threat list that matched is an about noun of its own, with its threat names and file
# hash together (a finding can name several lists; loose detection fields would lose which name
# came from which list).
service.evidence.threatIntelligenceDetails[*].threatListName -> about[*].security_result.threat_feed_name
service.evidence.threatIntelligenceDetails[*].threatNames[*] -> about[*].security_result.threat_name   # the list's first threat name ...
service.evidence.threatIntelligenceDetails[*].threatNames[*] -> about[*].security_result.detection_fields["threatName"]   # ... and every one
service.evidence.threatIntelligenceDetails[*].threatFileSha256 -> about[*].file.sha256
service.additionalInfo.userAgent.fullUserAgent -> network.http.user_agent   # [G]
service.additionalInfo.userAgent.userAgentCategory -> security_result.detection_fields["userAgentCategory"]   # [G]
service.additionalInfo.portsScannedSample[*] -> about[].port        # [G] about.port, one about noun per port
service.additionalInfo.recentCredentials[*].ipAddressV4 -> intermediary[*].ip[] | when is_ip \
    # [G] intermediary; the credentials recently used from the instance
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
# it is inside the JSON text of additionalInfo.value: the key and value as GuardDuty writes them
# ("sample":true, with or without a space) are looked for in that text.
"true" -> security_result.about.labels["Sample"] | when service.additionalInfo.sample == true or service.additionalInfo.value contains "\"sample\":true" \
    or service.additionalInfo.value contains "\"sample\": true"

# ---- The finding's resource: $resource (see "Who is who") ---------------------------------------
# One noun per resource: its id, name, kind, tags and attributes, and (for an EC2 instance) its
# machine's hostname, addresses, zone, image and type, all on the noun of its role.
# [departs] Google's rows write the finding's resource to target (and some of the instance to
# principal) whatever the finding; every $resource rule below writes principal instead in the
# findings where the resource acts (outbound connections, DNS requests, runtime processes), for
# the reason given in "Who is who". Rows that depart in other ways say so where they are.
# Tags are key/value labels (tags[*].key -> labels[*].key, tags[*].value -> labels[*].value: one label
# per tag with the tag's own key, which reads better than '| flatten' of the array, whose keys would be
# "0.key", "0.value").
resource.kubernetesDetails.kubernetesWorkloadDetails.type -> $resource.resource.resource_subtype | when workload_is_resource \
    # the workload's kind as Kubernetes names it (pods, deployments, ...)
"POD" -> $resource.resource.resource_type | when workload_is_resource   # a workload runs as pods: the nearest UDM kind for every workload kind
service.action.awsApiCallAction.affectedResources["AWS::CloudTrail::Trail"] -> $resource.resource.name \
    | when affected_resource_is_target   # [departs] [G 2024-03-05] a label of principal.resource: the trail the call acted on
"AWS::CloudTrail::Trail" -> $resource.resource.resource_subtype \
    | when affected_resource_is_target and exists service.action.awsApiCallAction.affectedResources["AWS::CloudTrail::Trail"]
service.action.awsApiCallAction.affectedResources["AWS::S3::Bucket"] -> $resource.resource.name \
    | when affected_resource_is_target   # [departs] [G 2024-03-05] as above: the bucket the call acted on
"AWS::S3::Bucket" -> $resource.resource.resource_subtype | when affected_resource_is_target
"STORAGE_BUCKET" -> $resource.resource.resource_type \
    | when affected_resource_is_target and missing service.action.awsApiCallAction.affectedResources["AWS::CloudTrail::Trail"]
"UNSPECIFIED" -> $resource.resource.resource_type | when affected_resource_is_target   # UDM has no kind for a trail
"S3Bucket" -> $resource.resource.resource_subtype | when bucket_is_target   # the bucket, on an AccessKey finding about one (see bucket_is_target)
"STORAGE_BUCKET" -> $resource.resource.resource_type | when bucket_is_target
resource.resourceType -> $resource.resource.resource_subtype        # [G] Instance, AccessKey, S3Bucket, ... (Google writes target.resource; see "Who is who")
resource.resourceType -> $resource.resource.resource_type | lookup guardduty-resource-types   # [added] the UDM kind

# Access key: the key used is the finding's resource.
@when resource.resourceType == AccessKey and not bucket_is_target and not affected_resource_is_target
resource.accessKeyDetails.accessKeyId -> $resource.resource.product_object_id   # [G 2024-02-26] for API calls
resource.accessKeyDetails.userName -> $resource.resource.name       # [added] whose key it is
@end

# EC2 instance. [G] instanceId -> target.resource.product_object_id (when the instance is the finding's
# resource), zone / platform / tags -> target.asset, IPs -> principal.ip / principal.asset.ip, DNS names
# -> target.resource.attribute.labels: [departs] all on one noun, the instance's role, and the DNS name
# is its hostname (privateDnsName, else publicDnsName), so that asset pivots and alert grouping work.
@when resource.resourceType == Instance
resource.instanceDetails.instanceId -> $resource.resource.product_object_id   # [G]
resource.instanceDetails.tags[key=Name].value -> $resource.resource.name   # [added] the instance's Name tag, when it has one
resource.instanceDetails.productCodes[0].productCodeType -> $resource.resource.type   # [G] (Resource.type, deprecated)
@end
"AWS:" + resource.instanceDetails.instanceId -> $resource.asset_id   # [added] UDM asset ids are "namespace:id"
resource.instanceDetails.instanceId -> $resource.asset.product_object_id \
    # [added] the machine's own id (target.resource names another resource on AccessKey findings)
"AWS:" + resource.instanceDetails.instanceId -> $resource.asset.asset_id
resource.instanceDetails.networkInterfaces[0].privateDnsName ?? resource.instanceDetails.networkInterfaces[0].publicDnsName -> $resource.hostname \
    # [departs] [G] labels only
resource.instanceDetails.networkInterfaces[0].privateDnsName ?? resource.instanceDetails.networkInterfaces[0].publicDnsName -> $resource.asset.hostname
resource.instanceDetails.tags[*].key -> $resource.asset.attribute.labels[*].key   # [G] tags as key/value labels
resource.instanceDetails.tags[*].value -> $resource.asset.attribute.labels[*].value
resource.instanceDetails.availabilityZone -> $resource.asset.attribute.cloud.availability_zone   # [G]
resource.instanceDetails.platform -> $resource.asset.platform_software.platform_version   # [G]
resource.instanceDetails.launchTime -> $resource.asset.attribute.creation_time \
    # [departs] [G 2026] principal.resource.attribute.creation_time: on the instance's noun, whatever its role
resource.instanceDetails.imageId -> $resource.asset.attribute.labels["imageId"]   # [departs] [G] additional["imageId"]: the image belongs with its instance
resource.instanceDetails.imageDescription -> $resource.asset.attribute.labels["imageDescription"] \
    # [departs] [G] principal.resource.attribute.labels: on the instance's noun, whatever its role
# [departs] [G] instanceState | instanceType | outpostArn, iamInstanceProfile.arn | id and the interface's
# networkInterfaceId | privateDnsName | publicDnsName | subnetId -> target.resource.attribute.labels: they
# describe the instance's machine, so they are its asset's labels beside its zone, platform and tags
# (on AccessKey and other findings target.resource is another resource, whose labels they are not).
resource.instanceDetails.instanceType -> $resource.asset.attribute.labels["instanceType"]
resource.instanceDetails.instanceState -> $resource.asset.attribute.labels["instanceState"]
resource.instanceDetails.outpostArn -> $resource.asset.attribute.labels["outpostArn"]
resource.instanceDetails.iamInstanceProfile.arn -> $resource.asset.attribute.labels["iamInstanceProfileArn"]
resource.instanceDetails.iamInstanceProfile.id -> $resource.asset.attribute.labels["iamInstanceProfileId"]
resource.instanceDetails.productCodes[*].productCodeId -> $resource.asset.attribute.labels["productCodeId"]   # [added] Marketplace product codes
resource.instanceDetails.productCodes[*].productCodeType -> $resource.asset.attribute.labels["productCodeType"]
resource.instanceDetails.networkInterfaces[*].networkInterfaceId -> $resource.asset.attribute.labels["networkInterfaceId"] \
    # [G] [0]; every interface (on the asset, as above)
resource.instanceDetails.networkInterfaces[*].privateDnsName -> $resource.asset.attribute.labels["privateDnsName"]
resource.instanceDetails.networkInterfaces[*].publicDnsName -> $resource.asset.attribute.labels["publicDnsName"]
resource.instanceDetails.networkInterfaces[*].subnetId -> $resource.asset.attribute.labels["subnetId"]
resource.instanceDetails.networkInterfaces[*].vpcId -> $resource.asset.attribute.labels["vpcId"] \
    # [added] [G 2026-07-27] dropped target.asset.attribute.cloud.vpc.id as deprecated; the id is kept as a label
resource.instanceDetails.networkInterfaces[*].securityGroups[*].groupId -> $resource.asset.attribute.labels["securityGroupId"] \
    # [departs] Google writes target.user.group_identifiers: a security group is not a user's group
resource.instanceDetails.networkInterfaces[*].securityGroups[*].groupName -> $resource.asset.attribute.labels["securityGroupName"]   # [departs] as above
# Every address of every interface is the machine's [G 2026 publicIp -> principal.asset.ip]. The
# noun's own ip is the address the activity used: the connection's or probe's local address, else the
# primary private address, and the public one; only on findings with network activity on the instance
# (for API calls and scans the instance's addresses are no party to what happened).
# networkInterfaces[].privateIpAddresses[] repeats the primary privateIpAddress with any secondary
# ones; mapping both would list the primary address twice, so only privateIpAddress is read.
resource.instanceDetails.networkInterfaces[*].privateIpAddress -> $resource.asset.ip[] | when is_ip
resource.instanceDetails.networkInterfaces[*].publicIp -> $resource.asset.ip[] | when is_ip
resource.instanceDetails.networkInterfaces[*].ipv6Addresses[*] -> $resource.asset.ip[] | when is_ip
@when not (service.action.actionType in (AWS_API_CALL, KUBERNETES_API_CALL, RDS_LOGIN_ATTEMPT) or exists service.action.awsApiCallAction \
    or exists service.action.kubernetesApiCallAction or exists service.action.rdsLoginAttemptAction or exists service.ebsVolumeScanDetails \
    or exists service.malwareScanDetails)
# [G] localIpDetails -> principal.ip; [G] networkInterfaces[0].privateIpAddress|publicIp -> principal.ip:
# [departs] on the resource's noun (target when the connection came in). The connection's local address
# comes first, the instance's primary private address when there is none (usually the same: one of them,
# not both), then the public address.
service.action.networkConnectionAction.localIpDetails.ipAddressV4 ?? service.action.networkConnectionAction.localIpDetails.ipAddressV6 \
    ?? service.action.portProbeAction.portProbeDetails[0].localIpDetails.ipAddressV4 \
    ?? service.action.portProbeAction.portProbeDetails[0].localIpDetails.ipAddressV6 ?? resource.instanceDetails.networkInterfaces[0].privateIpAddress \
    -> $resource.ip[] | when is_ip
resource.instanceDetails.networkInterfaces[0].publicIp -> $resource.ip[] | when is_ip   # [G]
@end

# S3 buckets and objects. In S3Bucket findings the first bucket is target.resource; in S3Object
# findings the object is, and its bucket is the ancestor; in other findings that name buckets (e.g.
# AccessKey findings about bucket policies) the buckets are about nouns, as are the buckets after the
# first. [G] s3BucketDetails[0].arn|name -> target.resource.name: the name wins (it is what people
# search for), the ARN is the product object id. [departs] Google applies the row whatever the
# finding's resource is; on an AccessKey finding that would name the key's resource after a bucket.
@when resource.resourceType == S3Object
resource.s3BucketDetails[0].s3ObjectDetails[0].key -> $resource.resource.name                   # [added] the object is the resource
resource.s3BucketDetails[0].s3ObjectDetails[0].objectArn -> $resource.resource.product_object_id
resource.s3BucketDetails[0].s3ObjectDetails[0].versionId -> $resource.resource.attribute.labels["versionId"]
resource.s3BucketDetails[0].s3ObjectDetails[0].eTag -> $resource.resource.attribute.labels["eTag"]
resource.s3BucketDetails[0].name -> $resource.resource_ancestors.name          # [added] the object's bucket is its ancestor
resource.s3BucketDetails[0].arn -> $resource.resource_ancestors.product_object_id
"S3Bucket" -> $resource.resource_ancestors.resource_subtype | when exists resource.s3BucketDetails[0].name \
    # (resource_type STORAGE_BUCKET would be the UDM kind; the test oracle knows no enum values for resource_ancestors, so the ancestor says it in GuardDuty's
#   word)
resource.s3BucketDetails[0].tags[*].key -> $resource.resource_ancestors.attribute.labels[*].key
resource.s3BucketDetails[0].tags[*].value -> $resource.resource_ancestors.attribute.labels[*].value
resource.s3BucketDetails[0].type -> $resource.resource_ancestors.attribute.labels["bucketType"]
resource.s3BucketDetails[0].owner.id -> $resource.resource_ancestors.attribute.labels["ownerId"]
resource.s3BucketDetails[0].publicAccess.effectivePermission -> $resource.resource_ancestors.attribute.labels["effectivePermission"]
resource.s3BucketDetails[0].defaultServerSideEncryption.encryptionType -> $resource.resource_ancestors.attribute.labels["encryptionType"]
resource.s3BucketDetails[0].defaultServerSideEncryption.kmsMasterKeyArn -> $resource.resource_ancestors.attribute.labels["kmsMasterKeyArn"] \
    | when resource.s3BucketDetails[0].defaultServerSideEncryption.kmsMasterKeyArn != "null"
resource.s3BucketDetails[0].createdAt -> $resource.resource_ancestors.attribute.creation_time
@end
@when bucket_is_target
resource.s3BucketDetails[0].name -> $resource.resource.name            # [G]
resource.s3BucketDetails[0].arn -> $resource.resource.name             # [G] when the name is missing
# [departs] Google's 2024-02-26 row puts the access key id in target.resource.product_object_id for :S3
# types (Policy:S3/BucketPublicAccessGranted, Policy:S3/BucketBlockPublicAccessDisabled,
# Stealth:S3/ServerAccessLoggingDisabled, ...): the analyst's question is which bucket was opened or
# stopped logging, and a key id in the target made the caller's credential read as the victim. The
# bucket is the target, its ARN the product object id, and the key stays the caller's, principal.user.userid [G].
resource.s3BucketDetails[0].arn -> $resource.resource.product_object_id   # [P]
# [departs] [G 2024-02-26] createdAt|tags -> principal.resource.attribute.labels: they describe the
# bucket, not the caller. createdAt is typed, tags are key/value labels.
resource.s3BucketDetails[0].tags[*].key -> $resource.resource.attribute.labels[*].key
resource.s3BucketDetails[0].tags[*].value -> $resource.resource.attribute.labels[*].value
resource.s3BucketDetails[0].type -> $resource.resource.attribute.labels["bucketType"]   # [G] Source / Destination
resource.s3BucketDetails[0].owner.id -> $resource.resource.attribute.labels["ownerId"]   # [G]
resource.s3BucketDetails[0].publicAccess.effectivePermission -> $resource.resource.attribute.labels["effectivePermission"]   # [G]
resource.s3BucketDetails[0].defaultServerSideEncryption.encryptionType -> $resource.resource.attribute.labels["encryptionType"] \
    # [departs] Google writes network.tls.client.supported_ciphers, a misuse (the mapping notes say "do not copy")
resource.s3BucketDetails[0].defaultServerSideEncryption.kmsMasterKeyArn -> $resource.resource.attribute.labels["kmsMasterKeyArn"] \
    | when resource.s3BucketDetails[0].defaultServerSideEncryption.kmsMasterKeyArn != "null"   # [added]; the text "null" some tools write is no key
resource.s3BucketDetails[0].createdAt -> $resource.resource.attribute.creation_time
@end
@when exists resource.s3BucketDetails and (exists resource.s3BucketDetails[1] or not (bucket_is_target or resource.resourceType == S3Object))
resource.s3BucketDetails[*].name -> about[*].resource.name
resource.s3BucketDetails[*].arn -> about[*].resource.product_object_id
resource.s3BucketDetails[*].name -> about[*].resource.resource_type | lookup guardduty-kind-bucket   # STORAGE_BUCKET for each (see the lookup)
resource.s3BucketDetails[*].type -> about[*].resource.attribute.labels["bucketType"]
resource.s3BucketDetails[*].owner.id -> about[*].resource.attribute.labels["ownerId"]
resource.s3BucketDetails[*].publicAccess.effectivePermission -> about[*].resource.attribute.labels["effectivePermission"]
resource.s3BucketDetails[*].defaultServerSideEncryption.encryptionType -> about[*].resource.attribute.labels["encryptionType"]
resource.s3BucketDetails[*].createdAt -> about[*].resource.attribute.creation_time
resource.s3BucketDetails[*].defaultServerSideEncryption.kmsMasterKeyArn -> about[*].resource.attribute.labels["kmsMasterKeyArn"] \
    | when resource.s3BucketDetails[0].defaultServerSideEncryption.kmsMasterKeyArn != "null"
resource.s3BucketDetails[*].tags -> about[*].resource.attribute.labels["tags"] | json \
    # inside a list of buckets the tags cannot be paired key with value (an inner [*] keeps the outer number): one JSON label
@end
# [G] permissionConfiguration.* -> additional.fields (bool_value, account and bucket level). Copied as the
# object GuardDuty wrote (the flags keep their JSON type; some tools write them as "false" strings).
resource.s3BucketDetails[0].publicAccess.permissionConfiguration -> additional["s3PermissionConfiguration"]
# The malware scan's object, as a file (S3 malware protection findings).
"s3://" + resource.s3BucketDetails[0].name + "/" + resource.s3BucketDetails[0].s3ObjectDetails[0].key -> target.file.full_path   # [added]
resource.s3BucketDetails[0].s3ObjectDetails[0].hash -> target.file.sha256   # [added] hash of the threat found in the object

# EKS cluster (Kubernetes findings). [P] name / arn; [G 2024-02-26] createdAt|tags -> target.resource.attribute.labels.
# [departs] When the finding names a workload (workload_is_resource), the workload is the resource
# (its name and uid; Google's rules show target.resource.name, which then names the pod an analyst
# acts on) and the cluster is its ancestor, resource_ancestors, with the cluster's tags and status.
@when workload_is_resource
resource.kubernetesDetails.kubernetesWorkloadDetails.name -> $resource.resource.name   # [added] the workload
resource.kubernetesDetails.kubernetesWorkloadDetails.uid -> $resource.resource.product_object_id
resource.eksClusterDetails.name -> $resource.resource_ancestors.name   # [added] its cluster
resource.eksClusterDetails.arn -> $resource.resource_ancestors.product_object_id
"EKSCluster" -> $resource.resource_ancestors.resource_subtype \
    # (CLUSTER would be its UDM kind; as for the S3 object's bucket, the test oracle knows no enum values for resource_ancestors, so GuardDuty's word says it)
resource.eksClusterDetails.tags[*].key -> $resource.resource_ancestors.attribute.labels[*].key
resource.eksClusterDetails.tags[*].value -> $resource.resource_ancestors.attribute.labels[*].value
resource.eksClusterDetails.status -> $resource.resource_ancestors.attribute.labels["clusterStatus"]
resource.eksClusterDetails.vpcId -> $resource.resource_ancestors.attribute.labels["vpcId"]
resource.eksClusterDetails.createdAt -> $resource.resource_ancestors.attribute.creation_time
@end
@when not workload_is_resource
resource.eksClusterDetails.name -> $resource.resource.name             # [P]
resource.eksClusterDetails.arn -> $resource.resource.product_object_id   # [P]
resource.eksClusterDetails.tags[*].key -> $resource.resource.attribute.labels[*].key   # [G 2024-02-26] tags as key/value labels
resource.eksClusterDetails.tags[*].value -> $resource.resource.attribute.labels[*].value
resource.eksClusterDetails.status -> $resource.resource.attribute.labels["clusterStatus"]   # [added]
resource.eksClusterDetails.vpcId -> $resource.resource.attribute.labels["vpcId"]   # [added]
resource.eksClusterDetails.createdAt -> $resource.resource.attribute.labels["createdAt"]   # [G 2024-02-26]
resource.eksClusterDetails.createdAt -> $resource.resource.attribute.creation_time   # [added] the same, typed
@end

# ECS cluster and task.
resource.ecsClusterDetails.name -> $resource.resource.name             # [added]
resource.ecsClusterDetails.arn -> $resource.resource.product_object_id   # [added]
resource.ecsClusterDetails.tags[*].key -> $resource.resource.attribute.labels[*].key
resource.ecsClusterDetails.tags[*].value -> $resource.resource.attribute.labels[*].value
resource.ecsClusterDetails.status -> $resource.resource.attribute.labels["clusterStatus"]
resource.ecsClusterDetails.activeServicesCount -> $resource.resource.attribute.labels["activeServicesCount"]
resource.ecsClusterDetails.registeredContainerInstancesCount -> $resource.resource.attribute.labels["registeredContainerInstancesCount"]
resource.ecsClusterDetails.runningTasksCount -> $resource.resource.attribute.labels["runningTasksCount"]
resource.ecsClusterDetails.taskDetails.arn -> $resource.resource.attribute.labels["taskArn"]
resource.ecsClusterDetails.taskDetails.definitionArn -> $resource.resource.attribute.labels["taskDefinitionArn"]
resource.ecsClusterDetails.taskDetails.version -> $resource.resource.attribute.labels["taskVersion"]
resource.ecsClusterDetails.taskDetails.createdAt -> $resource.resource.attribute.labels["taskCreatedAt"]
resource.ecsClusterDetails.taskDetails.startedAt -> $resource.resource.attribute.labels["taskStartedAt"]
resource.ecsClusterDetails.taskDetails.startedBy -> $resource.resource.attribute.labels["taskStartedBy"]
resource.ecsClusterDetails.taskDetails.group -> $resource.resource.attribute.labels["taskGroup"]
resource.ecsClusterDetails.taskDetails.launchType -> $resource.resource.attribute.labels["launchType"]
# [added] Each of the task's containers is an about noun of its own (name, image, kind together).
resource.ecsClusterDetails.taskDetails.containers[*].name -> about[*].resource.name
resource.ecsClusterDetails.taskDetails.containers[*].name -> about[*].resource.resource_type | lookup guardduty-kind-container \
    # CONTAINER for each (see the lookup)
resource.ecsClusterDetails.taskDetails.containers[*].image -> about[*].resource.attribute.labels["containerImage"]
resource.ecsClusterDetails.taskDetails.containers[*].securityContext.privileged -> about[*].resource.attribute.labels["privileged"]
# The task's own tags would share the cluster's key/value labels: kept as one JSON label instead.
resource.ecsClusterDetails.taskDetails.tags -> $resource.resource.attribute.labels["taskTags"] | json

# Container. The finding's resource when resourceType is Container. Otherwise (Kubernetes and ECS
# findings, Runtime Monitoring's container) the container the activity happened in is an about noun of
# its own, about["container"], with its id, image and runtime: the image is the container's, not the
# pod's or the cluster's.
@when resource.resourceType == Container
resource.containerDetails.name -> $resource.resource.name
resource.containerDetails.id -> $resource.resource.product_object_id
resource.containerDetails.image -> $resource.resource.attribute.labels["containerImage"]
resource.containerDetails.imagePrefix -> $resource.resource.attribute.labels["containerImagePrefix"]
resource.containerDetails.containerRuntime -> $resource.resource.attribute.labels["containerRuntime"]
resource.containerDetails.securityContext.privileged -> $resource.resource.attribute.labels["privileged"]
resource.containerDetails.securityContext.allowPrivilegeEscalation -> $resource.resource.attribute.labels["allowPrivilegeEscalation"]
resource.containerDetails.volumeMounts[*].mountPath -> $resource.resource.attribute.labels["volumeMountPath"]
@end
@when resource.resourceType != Container
resource.containerDetails.name -> about["container"].resource.name
resource.containerDetails.id -> about["container"].resource.product_object_id
"CONTAINER" -> about["container"].resource.resource_type | when exists resource.containerDetails
resource.containerDetails.image -> about["container"].resource.attribute.labels["containerImage"]
resource.containerDetails.imagePrefix -> about["container"].resource.attribute.labels["containerImagePrefix"]
resource.containerDetails.containerRuntime -> about["container"].resource.attribute.labels["containerRuntime"]
resource.containerDetails.securityContext.privileged -> about["container"].resource.attribute.labels["privileged"]
resource.containerDetails.securityContext.allowPrivilegeEscalation -> about["container"].resource.attribute.labels["allowPrivilegeEscalation"]
resource.containerDetails.volumeMounts[*].mountPath -> about["container"].resource.attribute.labels["volumeMountPath"]
@end

# Kubernetes workload (inside the EKS cluster): [P] name / namespace / type.
resource.kubernetesDetails.kubernetesWorkloadDetails.namespace -> $resource.namespace   # [added] Noun.namespace
# (name, kind and uid are the resource's own fields when the workload is the resource, above)
resource.kubernetesDetails.kubernetesWorkloadDetails.type -> $resource.resource.attribute.labels["workloadType"] | when not workload_is_resource   # [P]
resource.kubernetesDetails.kubernetesWorkloadDetails.uid -> $resource.resource.attribute.labels["workloadUid"] | when not workload_is_resource
resource.kubernetesDetails.kubernetesWorkloadDetails.serviceAccountName -> $resource.resource.attribute.labels["serviceAccountName"]
resource.kubernetesDetails.kubernetesWorkloadDetails.hostNetwork -> $resource.resource.attribute.labels["hostNetwork"]
resource.kubernetesDetails.kubernetesWorkloadDetails.hostIPC -> $resource.resource.attribute.labels["hostIPC"]
resource.kubernetesDetails.kubernetesWorkloadDetails.hostPID -> $resource.resource.attribute.labels["hostPID"]
# [added] Each of the workload's containers is an about noun of its own, so that which container is
# privileged, and what it mounts, stays with that container (as labels of the cluster they were lost).
resource.kubernetesDetails.kubernetesWorkloadDetails.containers[*].name -> about[*].resource.name
resource.kubernetesDetails.kubernetesWorkloadDetails.containers[*].name -> about[*].resource.resource_type | lookup guardduty-kind-container
resource.kubernetesDetails.kubernetesWorkloadDetails.containers[*].image -> about[*].resource.attribute.labels["containerImage"]
resource.kubernetesDetails.kubernetesWorkloadDetails.containers[*].imagePrefix -> about[*].resource.attribute.labels["containerImagePrefix"]
resource.kubernetesDetails.kubernetesWorkloadDetails.containers[*].securityContext.privileged -> about[*].resource.attribute.labels["privileged"]
resource.kubernetesDetails.kubernetesWorkloadDetails.containers[*].securityContext.allowPrivilegeEscalation \
    -> about[*].resource.attribute.labels["allowPrivilegeEscalation"]
resource.kubernetesDetails.kubernetesWorkloadDetails.containers[*].volumeMounts[*].mountPath -> about[*].resource.attribute.labels["volumeMountPath"]
resource.kubernetesDetails.kubernetesWorkloadDetails.volumes[*].hostPath.path -> $resource.resource.attribute.labels["hostPath"]

# RDS database instance and Aurora Limitless database. [G] dbInstanceArn -> name, identifier ->
# product_object_id, cluster -> resource_ancestors.
resource.rdsDbInstanceDetails.dbInstanceArn -> $resource.resource.name   # [G]
resource.rdsDbInstanceDetails.dbInstanceIdentifier -> $resource.resource.product_object_id   # [G]
resource.rdsDbInstanceDetails.dbClusterIdentifier -> $resource.resource_ancestors.product_object_id   # [G]
resource.rdsDbInstanceDetails.engine -> $resource.application          # [P] the database engine is what is logged into
resource.rdsDbInstanceDetails.tags[*].key -> $resource.resource.attribute.labels[*].key
resource.rdsDbInstanceDetails.tags[*].value -> $resource.resource.attribute.labels[*].value
resource.rdsDbInstanceDetails.engineVersion -> $resource.resource.attribute.labels["engineVersion"]
resource.rdsDbInstanceDetails.dbiResourceId -> $resource.resource.attribute.labels["dbiResourceId"]
resource.rdsLimitlessDbDetails.dbShardGroupArn -> $resource.resource.name   # [added] as the instance's ARN
resource.rdsLimitlessDbDetails.dbShardGroupIdentifier -> $resource.resource.product_object_id
resource.rdsLimitlessDbDetails.tags[*].key -> $resource.resource.attribute.labels[*].key
resource.rdsLimitlessDbDetails.tags[*].value -> $resource.resource.attribute.labels[*].value
resource.rdsLimitlessDbDetails.dbShardGroupResourceId -> $resource.resource.attribute.labels["dbShardGroupResourceId"]
resource.rdsLimitlessDbDetails.dbClusterIdentifier -> $resource.resource_ancestors.product_object_id
resource.rdsLimitlessDbDetails.engine -> $resource.application
resource.rdsLimitlessDbDetails.engineVersion -> $resource.resource.attribute.labels["engineVersion"]
resource.rdsDbUserDetails.database -> $resource.resource.attribute.labels["database"]   # [added] the database inside the instance
resource.rdsDbUserDetails.ssl -> $resource.resource.attribute.labels["ssl"]

# Lambda function.
resource.lambdaDetails.functionName -> $resource.resource.name         # [P]
resource.lambdaDetails.functionArn -> $resource.resource.product_object_id   # [P]
resource.lambdaDetails.tags[*].key -> $resource.resource.attribute.labels[*].key
resource.lambdaDetails.tags[*].value -> $resource.resource.attribute.labels[*].value
resource.lambdaDetails.lastModifiedAt -> $resource.resource.attribute.last_update_time
resource.lambdaDetails.description -> $resource.resource.attribute.labels["description"]
resource.lambdaDetails.functionVersion -> $resource.resource.attribute.labels["functionVersion"]
resource.lambdaDetails.revisionId -> $resource.resource.attribute.labels["revisionId"]
resource.lambdaDetails.role -> $resource.resource.attribute.roles.name   # [P] the execution role
resource.lambdaDetails.vpcConfig.vpcId -> $resource.resource.attribute.labels["vpcId"]
resource.lambdaDetails.vpcConfig.subnetIds[*] -> $resource.resource.attribute.labels["subnetId"]
resource.lambdaDetails.vpcConfig.securityGroups[*].groupId -> $resource.resource.attribute.labels["securityGroupId"]

# EBS snapshot, EC2 image (AMI) and AWS Backup recovery point (Malware Protection for Backup).
resource.ebsSnapshotDetails.snapshotArn -> $resource.resource.name
resource.ebsSnapshotDetails.snapshotArn -> $resource.resource.product_object_id | after_last "/"   # snap-…
resource.ec2ImageDetails.imageArn -> $resource.resource.name
resource.ec2ImageDetails.imageArn -> $resource.resource.product_object_id | after_last "/"   # ami-…
resource.recoveryPointDetails.recoveryPointArn -> $resource.resource.name
resource.recoveryPointDetails.recoveryPointArn -> $resource.resource.product_object_id | after_last ":"
resource.recoveryPointDetails.backupVaultName -> $resource.resource_ancestors.name   # [added] the vault holds the recovery point
"BACKUP_VAULT" -> $resource.resource_ancestors.resource_subtype | when exists resource.recoveryPointDetails.backupVaultName
resource.recoveryPointDetails.continuousScanDetails.startTime -> $resource.resource.attribute.labels["continuousScanStartTime"]
resource.recoveryPointDetails.continuousScanDetails.endTime -> $resource.resource.attribute.labels["continuousScanEndTime"]

# Scanned EBS volumes (EBS malware protection): one about noun per volume.
resource.ebsVolumeDetails.scannedVolumeDetails[*].volumeArn -> about[*].resource.name
resource.ebsVolumeDetails.scannedVolumeDetails[*].volumeArn -> about[*].resource.product_object_id | after_last "/"   # vol-…
resource.ebsVolumeDetails.scannedVolumeDetails[*].deviceName -> about[*].resource.attribute.labels["deviceName"]
resource.ebsVolumeDetails.scannedVolumeDetails[*].volumeType -> about[*].resource.attribute.labels["volumeType"]
resource.ebsVolumeDetails.scannedVolumeDetails[*].volumeSizeInGB -> about[*].resource.attribute.labels["volumeSizeInGB"]
resource.ebsVolumeDetails.scannedVolumeDetails[*].encryptionType -> about[*].resource.attribute.labels["encryptionType"]
resource.ebsVolumeDetails.scannedVolumeDetails[*].snapshotArn -> about[*].resource.attribute.labels["snapshotArn"]
resource.ebsVolumeDetails.scannedVolumeDetails[*].kmsKeyArn -> about[*].resource.attribute.labels["kmsKeyArn"] \
    | when resource.ebsVolumeDetails.scannedVolumeDetails[0].kmsKeyArn != "null"
resource.ebsVolumeDetails.scannedVolumeDetails[*].volumeArn -> about[*].resource.resource_type | lookup guardduty-kind-volume \
    # VOLUME for each (see the lookup)
resource.ebsVolumeDetails.skippedVolumeDetails[*].volumeArn -> security_result.detection_fields["skippedVolumeArn"]

# Bedrock guardrails and models (AI protection findings).
resource.bedrockGuardrailDetails.guardrailArn -> $resource.resource.name
resource.bedrockGuardrailDetails.guardrailVersion -> $resource.resource.attribute.labels["guardrailVersion"]
resource.bedrockGuardrailDetails.guardrailAction -> $resource.resource.attribute.labels["guardrailAction"]
resource.bedrockGuardrailDetails.guardrailSource -> $resource.resource.attribute.labels["guardrailSource"]
resource.modelDetails[*].modelId -> $resource.resource.attribute.labels["modelId"]

# Fallbacks [G]: the instance and access key ids identify the resource when nothing above did.
resource.instanceDetails.instanceId -> $resource.resource.product_object_id   # [G]
resource.accessKeyDetails.accessKeyId -> $resource.resource.product_object_id \
    | when service.action.actionType in (AWS_API_CALL, KUBERNETES_API_CALL) and not bucket_is_target and not affected_resource_is_target \
    # [G 2024-02-26] (":Kubernetes or :S3 types" always carry one of these actions); [departs] not on a bucket or a resource the call
    # affected (see bucket_is_target, affected_resource_is_target)

# ---- Who acted: users ------------------------------------------------------------------------
# Kubernetes users first (a Kubernetes finding's caller), then the IAM access key [G], RDS users [G],
# the process's user (runtime), and the first actor of an attack sequence.
# Every identity in its own place.
# Kubernetes findings (a Kubernetes user called the API server, or the finding names one): the caller
# is the Kubernetes user [G username -> principal.user.userid]; the IAM identity it authenticated as is
# security_result.about.user, and its access key is the caller's credential, principal.resource (the
# Kubernetes user holds principal.user; security_result.about.resource keeps additionalInfo's labels,
# where Google documents them, so the key is not read as one of their threat lists). [departs] Google also
# writes accessKeyId and principalId to principal.user.userid: one single-valued field cannot hold three
# identities (first non-empty wins), so the IAM identity and its key were lost and the IAM principal id
# shared principal.user with the Kubernetes user.
@when exists resource.kubernetesDetails.kubernetesUserDetails.username or exists resource.kubernetesDetails.kubernetesUserDetails.uid \
    or exists service.action.kubernetesApiCallAction or service.action.actionType == KUBERNETES_API_CALL
resource.kubernetesDetails.kubernetesUserDetails.username -> principal.user.userid   # [G]
resource.kubernetesDetails.kubernetesUserDetails.uid -> principal.user.product_object_id   # [P]
resource.kubernetesDetails.kubernetesUserDetails.groups[*] -> principal.user.group_identifiers[]   # [P] [E] user.roles
resource.kubernetesDetails.kubernetesUserDetails.sessionName[*] -> principal.user.attribute.labels["sessionName"]
resource.kubernetesDetails.kubernetesUserDetails.impersonatedUser.username -> principal.user.attribute.labels["impersonatedUser"]
resource.kubernetesDetails.kubernetesUserDetails.impersonatedUser.groups[*] -> principal.user.attribute.labels["impersonatedGroup"]
resource.accessKeyDetails.principalId -> security_result.about.user.userid   # [departs] [G] principal.user.userid, see above
resource.accessKeyDetails.userName -> security_result.about.user.user_display_name
resource.accessKeyDetails.userType -> security_result.about.user.attribute.roles.name
resource.accessKeyDetails.accessKeyId -> principal.resource.product_object_id \
    # [departs] [G] principal.user.userid and [G 2024-02-26] target.resource.product_object_id, see above
"AccessKey" -> principal.resource.resource_subtype | when exists resource.accessKeyDetails.accessKeyId
"CREDENTIAL" -> principal.resource.resource_type | when exists resource.accessKeyDetails.accessKeyId
@end
# Other findings: the IAM identity whose access key was used is the caller [G], then RDS users [G],
# the process's user (runtime), and the first actor of an attack sequence.
@when not (exists resource.kubernetesDetails.kubernetesUserDetails.username or exists resource.kubernetesDetails.kubernetesUserDetails.uid \
    or exists service.action.kubernetesApiCallAction or service.action.actionType == KUBERNETES_API_CALL)
resource.accessKeyDetails.accessKeyId -> principal.user.userid       # [G]
# resource.accessKeyDetails.principalId -> principal.user.userid [G]: the access key id above always
# wins when both are there (first non-empty wins), so the principal id goes where [P] [E] put it:
resource.accessKeyDetails.principalId -> principal.user.product_object_id   # [P] [E] user.id
resource.accessKeyDetails.userName -> principal.user.user_display_name   # [G] [G-rules]
resource.accessKeyDetails.userType -> principal.user.attribute.roles.name   # [G] Root, IAMUser, AssumedRole, ...
@end
resource.rdsDbUserDetails.user -> principal.user.userid              # [G]
service.runtimeDetails.process.user -> $resource.user.userid        # [P] the account the process ran as, on the noun of the resource it ran on
service.detection.sequence.actors[0].user.uid -> principal.user.userid   # [added] attack sequences
service.detection.sequence.actors[0].user.name -> principal.user.user_display_name
service.action.awsApiCallAction.remoteAccountDetails.accountId -> principal.user.group_identifiers[] \
    # [P] the caller's account (as cloudtrail.map writes userIdentity.accountId)
service.action.awsApiCallAction.remoteAccountDetails.affiliated -> principal.user.attribute.labels["remoteAccountAffiliated"]   # [P]
service.action.awsApiCallAction.remoteAccountDetails.awsServiceName -> principal.user.attribute.labels["remoteAwsServiceName"]
service.detection.sequence.actors[0].user.account.uid -> principal.user.group_identifiers[]
service.detection.sequence.actors[0].user.type -> principal.user.attribute.roles.name
service.detection.sequence.actors[0].session.mfaStatus -> principal.user.attribute.labels["mfaStatus"]
service.detection.sequence.actors[0].user.credentialUid -> principal.user.attribute.labels["credentialUid"]
resource.rdsDbUserDetails.application -> principal.application       # [P] the client application

# ---- Network connection: the resource and the remote side by direction (see "Who is who") ------
service.action.networkConnectionAction.connectionDirection -> network.direction | lookup guardduty-directions   # [G] [E]
service.action.networkConnectionAction.protocol -> network.ip_protocol | upper | lookup guardduty-ip-protocols   # [G]
# [departs] [G] localPortDetails -> principal.port / principal.application, remoteIpDetails and
# remotePortDetails -> target.ip / target.port / target.application: the local side is the resource's
# noun and the remote side $remote, so an inbound connection has the attacker as principal and the
# instance's port as target.port. (The local address is the resource's ip, with the instance above.)
service.action.networkConnectionAction.localPortDetails.port -> $resource.port
service.action.networkConnectionAction.localPortDetails.portName -> $resource.application \
    | when service.action.networkConnectionAction.localPortDetails.portName != Unknown   # [G 2022-03-31] when not "Unknown"
service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 ?? service.action.networkConnectionAction.remoteIpDetails.ipAddressV6 -> $remote.ip[] \
    | when is_ip
service.action.networkConnectionAction.remotePortDetails.port -> $remote.port
service.action.networkConnectionAction.remotePortDetails.portName -> $remote.application \
    | when service.action.networkConnectionAction.remotePortDetails.portName != Unknown
# [G 2026-07-27] moved the remote geography to principal.location whatever the direction; it is on the
# noun of the remote address here (principal when the connection came in, target when it went out).
service.action.networkConnectionAction.remoteIpDetails.city.cityName -> $remote.location.city \
    # [departs] [G 2026-07-27] principal.location whatever the direction: on the remote noun
service.action.networkConnectionAction.remoteIpDetails.country.countryName ?? service.action.networkConnectionAction.remoteIpDetails.country.countryCode \
    -> $remote.location.country_or_region
service.action.networkConnectionAction.remoteIpDetails.geoLocation.lat -> $remote.location.region_coordinates.latitude \
    | when service.action.networkConnectionAction.remoteIpDetails.geoLocation.lat > 0 \
    or service.action.networkConnectionAction.remoteIpDetails.geoLocation.lat < 0 \
    or service.action.networkConnectionAction.remoteIpDetails.geoLocation.lon > 0 or service.action.networkConnectionAction.remoteIpDetails.geoLocation.lon < 0
service.action.networkConnectionAction.remoteIpDetails.geoLocation.lon -> $remote.location.region_coordinates.longitude \
    | when service.action.networkConnectionAction.remoteIpDetails.geoLocation.lat > 0 \
    or service.action.networkConnectionAction.remoteIpDetails.geoLocation.lat < 0 \
    or service.action.networkConnectionAction.remoteIpDetails.geoLocation.lon > 0 or service.action.networkConnectionAction.remoteIpDetails.geoLocation.lon < 0
service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 ?? service.action.networkConnectionAction.remoteIpDetails.ipAddressV6 \
    -> $remote.ip_geo_artifact.ip | when is_ip   # [added] the address with its place and network, where Google's rule outcomes read the country
service.action.networkConnectionAction.remoteIpDetails.city.cityName -> $remote.ip_geo_artifact.location.city
service.action.networkConnectionAction.remoteIpDetails.country.countryName ?? service.action.networkConnectionAction.remoteIpDetails.country.countryCode \
    -> $remote.ip_geo_artifact.location.country_or_region
service.action.networkConnectionAction.remoteIpDetails.organization.asn -> $remote.ip_geo_artifact.network.asn | string
service.action.networkConnectionAction.remoteIpDetails.organization.asnOrg -> $remote.ip_geo_artifact.network.organization_name
service.action.networkConnectionAction.remoteIpDetails.organization.isp -> $remote.ip_geo_artifact.network.carrier_name
service.action.networkConnectionAction.remoteIpDetails.organization.asn -> additional["asn"] | string \
    # [added] as Google does for API callers; an integer ASN (old findings) is written as text like the documented string form
service.action.networkConnectionAction.remoteIpDetails.organization.asnOrg -> additional["asnOrg"]
service.action.networkConnectionAction.remoteIpDetails.organization.isp -> additional["isp"]
service.action.networkConnectionAction.remoteIpDetails.organization.org -> additional["org"]
service.action.networkConnectionAction.localNetworkInterface -> $resource.resource.attribute.labels["localNetworkInterface"]   # [added]

# ---- Port probe: remote hosts probing the instance ---------------------------------------------
"INBOUND" -> network.direction | when exists service.action.portProbeAction.portProbeDetails   # [added] a probe comes in, by definition
service.action.portProbeAction.blocked -> security_result.detection_fields["blocked"]   # [G 2026]
# The probed instance is the target ($resource), the (first) prober the principal ($remote): [departs]
# [G] portProbeDetails[0].remoteIpDetails -> target.ip / target.location, localPortDetails.portName ->
# principal.application. [G] localPortDetails.port -> target.port stays where Google puts it.
service.action.portProbeAction.portProbeDetails[0].localPortDetails.port -> $resource.port   # [G] the probed port
service.action.portProbeAction.portProbeDetails[0].localPortDetails.portName -> $resource.application \
    | when service.action.portProbeAction.portProbeDetails[0].localPortDetails.portName != Unknown
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.ipAddressV4 \
    ?? service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.ipAddressV6 -> $remote.ip[] | when is_ip \
    # the first prober (each one is an about noun below)
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.city.cityName -> $remote.location.city \
    # [departs] [G] target.location (region_latitude/longitude); [G 2026-07-27] principal.location: on the prober's noun, in the current Location fields
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.country.countryName \
    ?? service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.country.countryCode -> $remote.location.country_or_region
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lat -> $remote.location.region_coordinates.latitude \
    | when service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lat > 0 \
    or service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lat < 0 \
    or service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lon > 0 \
    or service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lon < 0
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lon -> $remote.location.region_coordinates.longitude \
    | when service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lat > 0 \
    or service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lat < 0 \
    or service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lon > 0 \
    or service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.geoLocation.lon < 0
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.ipAddressV4 \
    ?? service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.ipAddressV6 -> $remote.ip_geo_artifact.ip | when is_ip \
    # [added] the address with its place and network, where Google's rule outcomes read the country
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.city.cityName -> $remote.ip_geo_artifact.location.city
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.country.countryName \
    ?? service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.country.countryCode -> $remote.ip_geo_artifact.location.country_or_region
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.organization.asn -> $remote.ip_geo_artifact.network.asn | string
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.organization.asnOrg -> $remote.ip_geo_artifact.network.organization_name
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.organization.isp -> $remote.ip_geo_artifact.network.carrier_name
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.organization.asn -> additional["asn"] | string
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.organization.asnOrg -> additional["asnOrg"]
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.organization.isp -> additional["isp"]
service.action.portProbeAction.portProbeDetails[0].remoteIpDetails.organization.org -> additional["org"]
# [added] One about noun per probe (the prober, its place and network, and the port it probed), so
# every prober's details stay together when there are several. A coordinate of exactly 0 is dropped
# ('is_not_zero': GuardDuty's (0, 0) placeholder; a value predicate sees one coordinate at a time).
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.ipAddressV4 -> about[*].ip[] | when is_ip
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.ipAddressV6 -> about[*].ip[] | when is_ip
service.action.portProbeAction.portProbeDetails[*].localPortDetails.port -> about[*].port
service.action.portProbeAction.portProbeDetails[*].localPortDetails.portName -> about[*].application
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.city.cityName -> about[*].location.city
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.country.countryName -> about[*].location.country_or_region
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.geoLocation.lat -> about[*].location.region_coordinates.latitude | when is_not_zero
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.geoLocation.lon -> about[*].location.region_coordinates.longitude | when is_not_zero
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.organization.asn -> about[*].network.asn | string
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.organization.asnOrg -> about[*].network.organization_name
service.action.portProbeAction.portProbeDetails[*].remoteIpDetails.organization.isp -> about[*].network.carrier_name

# ---- DNS request ------------------------------------------------------------------------------
service.action.dnsRequestAction.domain -> network.dns.questions.name   # [P] [E] dns.question.name
# [departs] [G] domain -> principal.administrative_domain: the name asked for is not the asker's domain;
# it is the target of the request (the resource that asked is the principal, see "Who is who").
service.action.dnsRequestAction.domain -> $remote.hostname
"DNS" -> network.application_protocol | when exists service.action.dnsRequestAction.domain   # [added]
service.action.dnsRequestAction.protocol -> network.ip_protocol | upper | lookup guardduty-ip-protocols   # [G]
service.action.dnsRequestAction.domainWithSuffix -> additional["domainWithSuffix"]   # [P]
service.action.dnsRequestAction.vpcOwnerAccountId -> additional["vpcOwnerAccountId"]   # [P]

# ---- AWS API call: the caller ------------------------------------------------------------------
service.action.awsApiCallAction.api -> principal.application         # [G]
service.action.awsApiCallAction.serviceName -> target.application    # [P] [E] event.provider: the service called
service.action.awsApiCallAction.callerType -> principal.group.attribute.labels["callerType"]   # [G] Remote IP, Domain, AWS Service
service.action.awsApiCallAction.errorCode -> security_result.rule_type   # [G]
# [added] The call's outcome, only as the finding states it (after the reported calls above, which
# speak for all of them): refused by authorization (AccessDenied and its variants such as
# AccessDeniedException, UnauthorizedOperation with or without the "Client." prefix) is BLOCK; any other
# error code (NoSuchBucket, NoSuchWebsiteConfiguration, Throttling...) means the call failed for another
# reason, FAIL (guardduty-call-outcomes, guardduty-call-outcome-actions); no error code says nothing, so no action. The code
# itself stays searchable in security_result.rule_type [G].
service.action.awsApiCallAction.errorCode -> security_result.action | lookup guardduty-call-outcomes | lookup guardduty-call-outcome-actions
service.action.awsApiCallAction.domainDetails.domain -> network.dns.questions.name   # [G 2024-03-11]
service.action.awsApiCallAction.userAgent -> network.http.user_agent   # [P]
service.action.awsApiCallAction.affectedResources -> target.resource.attribute.labels | flatten \
    # [departs] [G 2024-03-05] principal.resource.attribute.labels: the resources the call affected are what it acted on, and on principal.resource they made an
#   otherwise empty noun of the caller. Keys as AWS writes them (AWS::CloudTrail::Trail; Google renames them AWS_CloudTrail_Trail)
service.action.awsApiCallAction.remoteIpDetails.ipAddressV4 ?? service.action.awsApiCallAction.remoteIpDetails.ipAddressV6 -> $remote.ip[] | when is_ip \
    # [departs] [G] says target.ip, [G-rules] read principal.ip: the caller is the principal (see "Who is who")
service.action.awsApiCallAction.remoteIpDetails.city.cityName -> $remote.location.city \
    # [departs] [G] target.location (region_latitude/longitude); [G 2026-07-27] principal.location: on the caller's noun, in the current Location fields
service.action.awsApiCallAction.remoteIpDetails.country.countryName ?? service.action.awsApiCallAction.remoteIpDetails.country.countryCode \
    -> $remote.location.country_or_region
service.action.awsApiCallAction.remoteIpDetails.geoLocation.lat -> $remote.location.region_coordinates.latitude \
    | when service.action.awsApiCallAction.remoteIpDetails.geoLocation.lat > 0 or service.action.awsApiCallAction.remoteIpDetails.geoLocation.lat < 0 \
    or service.action.awsApiCallAction.remoteIpDetails.geoLocation.lon > 0 or service.action.awsApiCallAction.remoteIpDetails.geoLocation.lon < 0
service.action.awsApiCallAction.remoteIpDetails.geoLocation.lon -> $remote.location.region_coordinates.longitude \
    | when service.action.awsApiCallAction.remoteIpDetails.geoLocation.lat > 0 or service.action.awsApiCallAction.remoteIpDetails.geoLocation.lat < 0 \
    or service.action.awsApiCallAction.remoteIpDetails.geoLocation.lon > 0 or service.action.awsApiCallAction.remoteIpDetails.geoLocation.lon < 0
service.action.awsApiCallAction.remoteIpDetails.ipAddressV4 ?? service.action.awsApiCallAction.remoteIpDetails.ipAddressV6 -> $remote.ip_geo_artifact.ip \
    | when is_ip   # [added] the address with its place and network, where Google's rule outcomes read the country
service.action.awsApiCallAction.remoteIpDetails.city.cityName -> $remote.ip_geo_artifact.location.city
service.action.awsApiCallAction.remoteIpDetails.country.countryName ?? service.action.awsApiCallAction.remoteIpDetails.country.countryCode \
    -> $remote.ip_geo_artifact.location.country_or_region
service.action.awsApiCallAction.remoteIpDetails.organization.asn -> $remote.ip_geo_artifact.network.asn | string
service.action.awsApiCallAction.remoteIpDetails.organization.asnOrg -> $remote.ip_geo_artifact.network.organization_name
service.action.awsApiCallAction.remoteIpDetails.organization.isp -> $remote.ip_geo_artifact.network.carrier_name
service.action.awsApiCallAction.remoteIpDetails.organization.asn -> additional["asn"] | string   # [G] additional.fields
service.action.awsApiCallAction.remoteIpDetails.organization.asnOrg -> additional["asnOrg"]   # [G]
service.action.awsApiCallAction.remoteIpDetails.organization.isp -> additional["isp"]   # [G]
service.action.awsApiCallAction.remoteIpDetails.organization.org -> additional["org"]   # [G]

# ---- Kubernetes API call: the caller -----------------------------------------------------------
service.action.kubernetesApiCallAction.remoteIpDetails.ipAddressV4 ?? service.action.kubernetesApiCallAction.remoteIpDetails.ipAddressV6 \
    ?? service.action.kubernetesApiCallAction.sourceIPs[0] -> $remote.ip[] | when is_ip   # [departs] [G] target.ip, as for AWS API callers; [E] source.ip
service.action.kubernetesApiCallAction.sourceIPs -> additional["sourceIPs"]   # [added] the caller and the proxies in between, as GuardDuty lists them
service.action.kubernetesApiCallAction.remoteIpDetails.city.cityName -> $remote.location.city \
    # [departs] [G] target.location (region_latitude/longitude); [G 2026-07-27] principal.location: on the caller's noun, in the current Location fields
service.action.kubernetesApiCallAction.remoteIpDetails.country.countryName ?? service.action.kubernetesApiCallAction.remoteIpDetails.country.countryCode \
    -> $remote.location.country_or_region
service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lat -> $remote.location.region_coordinates.latitude \
    | when service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lat > 0 \
    or service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lat < 0 \
    or service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lon > 0 or service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lon < 0
service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lon -> $remote.location.region_coordinates.longitude \
    | when service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lat > 0 \
    or service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lat < 0 \
    or service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lon > 0 or service.action.kubernetesApiCallAction.remoteIpDetails.geoLocation.lon < 0
service.action.kubernetesApiCallAction.remoteIpDetails.ipAddressV4 ?? service.action.kubernetesApiCallAction.remoteIpDetails.ipAddressV6 \
    -> $remote.ip_geo_artifact.ip | when is_ip   # [added] the address with its place and network, where Google's rule outcomes read the country
service.action.kubernetesApiCallAction.remoteIpDetails.city.cityName -> $remote.ip_geo_artifact.location.city
service.action.kubernetesApiCallAction.remoteIpDetails.country.countryName ?? service.action.kubernetesApiCallAction.remoteIpDetails.country.countryCode \
    -> $remote.ip_geo_artifact.location.country_or_region
service.action.kubernetesApiCallAction.remoteIpDetails.organization.asn -> $remote.ip_geo_artifact.network.asn | string
service.action.kubernetesApiCallAction.remoteIpDetails.organization.asnOrg -> $remote.ip_geo_artifact.network.organization_name
service.action.kubernetesApiCallAction.remoteIpDetails.organization.isp -> $remote.ip_geo_artifact.network.carrier_name
service.action.kubernetesApiCallAction.remoteIpDetails.organization.asn -> additional["asn"] | string
service.action.kubernetesApiCallAction.remoteIpDetails.organization.asnOrg -> additional["asnOrg"]
service.action.kubernetesApiCallAction.remoteIpDetails.organization.isp -> additional["isp"]
service.action.kubernetesApiCallAction.remoteIpDetails.organization.org -> additional["org"]
service.action.kubernetesApiCallAction.requestUri -> target.url       # [P]
service.action.kubernetesApiCallAction.verb -> network.http.method    # [P]
service.action.kubernetesApiCallAction.statusCode -> network.http.response_code   # [P]
# [added] The API server's answer is the call's outcome: 401 / 403 refused it (BLOCK), another error
# status failed it (FAIL); a success says nothing of prevention, so no action.
"BLOCK" -> security_result.action | when service.action.kubernetesApiCallAction.statusCode in (401, 403)
"FAIL" -> security_result.action | when service.action.kubernetesApiCallAction.statusCode >= 400
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
service.action.rdsLoginAttemptAction.remoteIpDetails.ipAddressV4 ?? service.action.rdsLoginAttemptAction.remoteIpDetails.ipAddressV6 -> $remote.ip[] \
    | when is_ip   # [E] source.address: the client is the principal
service.action.rdsLoginAttemptAction.remoteIpDetails.city.cityName -> $remote.location.city   # [E] source.geo; on the client's noun
service.action.rdsLoginAttemptAction.remoteIpDetails.country.countryName ?? service.action.rdsLoginAttemptAction.remoteIpDetails.country.countryCode \
    -> $remote.location.country_or_region
service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lat -> $remote.location.region_coordinates.latitude \
    | when service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lat > 0 \
    or service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lat < 0 or service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lon > 0 \
    or service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lon < 0
service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lon -> $remote.location.region_coordinates.longitude \
    | when service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lat > 0 \
    or service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lat < 0 or service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lon > 0 \
    or service.action.rdsLoginAttemptAction.remoteIpDetails.geoLocation.lon < 0
service.action.rdsLoginAttemptAction.remoteIpDetails.ipAddressV4 ?? service.action.rdsLoginAttemptAction.remoteIpDetails.ipAddressV6 \
    -> $remote.ip_geo_artifact.ip | when is_ip   # [added] the address with its place and network, where Google's rule outcomes read the country
service.action.rdsLoginAttemptAction.remoteIpDetails.city.cityName -> $remote.ip_geo_artifact.location.city
service.action.rdsLoginAttemptAction.remoteIpDetails.country.countryName ?? service.action.rdsLoginAttemptAction.remoteIpDetails.country.countryCode \
    -> $remote.ip_geo_artifact.location.country_or_region
service.action.rdsLoginAttemptAction.remoteIpDetails.organization.asn -> $remote.ip_geo_artifact.network.asn | string
service.action.rdsLoginAttemptAction.remoteIpDetails.organization.asnOrg -> $remote.ip_geo_artifact.network.organization_name
service.action.rdsLoginAttemptAction.remoteIpDetails.organization.isp -> $remote.ip_geo_artifact.network.carrier_name
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
# The finding states the logins' outcome in its counts: some succeeded (ALLOW), or all failed (BLOCK,
# refused by the database's authentication).
"ALLOW" -> security_result.action | when exists service.action.rdsLoginAttemptAction.loginAttributes[0].successfulLoginAttempts \
    and service.action.rdsLoginAttemptAction.loginAttributes[0].successfulLoginAttempts != 0   # [P] some login succeeded
"BLOCK" -> security_result.action | when exists service.action.rdsLoginAttemptAction.loginAttributes[0].failedLoginAttempts   # [P] only failed ones
resource.rdsDbUserDetails.authMethod -> extensions.auth.auth_details   # [P]
resource.rdsDbUserDetails.authMethod -> extensions.auth.mechanism[] | upper | lookup guardduty-rds-auth-mechanisms
"REMOTE" -> extensions.auth.mechanism[] | when (service.action.actionType == RDS_LOGIN_ATTEMPT or exists service.action.rdsLoginAttemptAction) \
    and not resource.rdsDbUserDetails.authMethod in (PASSWORD, password, MD5, md5, SCRAM-SHA-256, scram-sha-256)
"AUTHTYPE_UNSPECIFIED" -> extensions.auth.type | when service.action.actionType == RDS_LOGIN_ATTEMPT or exists service.action.rdsLoginAttemptAction \
    # a database login is none of MACHINE/SSO/VPN/PHYSICAL/TACACS

# ---- Runtime Monitoring: processes -------------------------------------------------------------
# The observed process (runtimeDetails.process) runs on the resource, which is then the principal
# (see "Who is who"). It is the actor, principal.process, when the finding has a network or DNS action,
# or when it acted on something: injected into another process (target.process), loaded a library or
# kernel module (target.process.file), became root, opened the Docker socket, rewrote a cgroup release
# agent or the runc binary, mounted a host directory (target.file). Its parent (lineage[0]) is then
# principal.process.parent_process. Otherwise it is the process that was started (target.process), with
# its parent as principal.process. The finding types where the process acts are read from
# guardduty-runtime-event-types (its rows whose event type has the process acting), not listed again.
# A process seen on an instance that an inbound connection reached runs on the target: it is
# target.process (the listening process), with its parent and ancestors on the target too.
@define process_acts_on_process = type in keys guardduty-runtime-event-types with (PROCESS_INJECTION, PROCESS_MODULE_LOAD, PROCESS_PRIVILEGE_ESCALATION)
@define process_acts_on_file = type in keys guardduty-runtime-event-types with (FILE_OPEN, FILE_MODIFICATION, FILE_UNCATEGORIZED)
@define process_acts = exists service.action or process_acts_on_process or process_acts_on_file
@role $process principal.process when process_acts and not inbound
@role $process target.process when not process_acts or inbound
@role $parent principal.process.parent_process when process_acts and not inbound
@role $parent target.process.parent_process when inbound
@role $parent principal.process when not process_acts
@role $lineage principal when process_acts and not inbound
@role $lineage target when not process_acts or inbound
service.runtimeDetails.process.pid -> $process.pid
service.runtimeDetails.process.executablePath -> $process.file.full_path
service.runtimeDetails.process.executableSha256 -> $process.file.sha256
service.runtimeDetails.process.name -> $process.file.names[]
service.runtimeDetails.process.uuid -> $process.product_specific_process_id
service.runtimeDetails.process.parentUuid -> $process.product_specific_parent_process_id
service.runtimeDetails.process.euid -> $process.euid
service.runtimeDetails.process.userId -> $process.ruid
service.runtimeDetails.context.commandLineExample -> $process.command_line   # an example of the command lines seen
service.runtimeDetails.process.lineage[0].pid -> $parent.pid
service.runtimeDetails.process.lineage[0].executablePath -> $parent.file.full_path
service.runtimeDetails.process.lineage[0].name -> $parent.file.names[]
service.runtimeDetails.process.lineage[0].uuid -> $parent.product_specific_process_id
service.runtimeDetails.process.lineage[0].parentUuid -> $parent.product_specific_parent_process_id
service.runtimeDetails.process.lineage[0].euid -> $parent.euid
service.runtimeDetails.process.lineage[0].userId -> $parent.ruid
service.runtimeDetails.process.lineage[*].pid -> $lineage.process_ancestors[*].pid
service.runtimeDetails.process.lineage[*].executablePath -> $lineage.process_ancestors[*].file.full_path
service.runtimeDetails.process.lineage[*].name -> $lineage.process_ancestors[*].file.names[]
service.runtimeDetails.process.lineage[*].uuid -> $lineage.process_ancestors[*].product_specific_process_id
service.runtimeDetails.process.lineage[*].parentUuid -> $lineage.process_ancestors[*].product_specific_parent_process_id
service.runtimeDetails.process.lineage[*].euid -> $lineage.process_ancestors[*].euid
service.runtimeDetails.process.lineage[*].userId -> $lineage.process_ancestors[*].ruid
# What the acting process acted on, each thing on its own noun: the process injected into is
# target.process; in a module load the library or kernel module loaded is target.process.file (UDM's
# model of PROCESS_MODULE_LOAD, which requires it), never merged with another process's pid or name.
@define module_load = type in keys guardduty-runtime-event-types with (PROCESS_MODULE_LOAD)
@when not module_load
service.runtimeDetails.context.targetProcess.pid -> target.process.pid   # injection: the process injected into
service.runtimeDetails.context.targetProcess.executablePath -> target.process.file.full_path
service.runtimeDetails.context.targetProcess.executableSha256 -> target.process.file.sha256
service.runtimeDetails.context.targetProcess.name -> target.process.file.names[]
service.runtimeDetails.context.targetProcess.uuid -> target.process.product_specific_process_id
@end
@when module_load
service.runtimeDetails.context.libraryPath ?? service.runtimeDetails.context.moduleFilePath -> target.process.file.full_path \
    # the library or kernel module loaded
service.runtimeDetails.context.moduleSha256 -> target.process.file.sha256 | when missing service.runtimeDetails.context.libraryPath
service.runtimeDetails.context.moduleName -> target.process.file.names[] | when missing service.runtimeDetails.context.libraryPath
@end
# [added] In every finding, a library and a kernel module the context names are each an about file noun
# of their own, labelled with their kind, so a search finds them as what they are and a finding that
# names both (or a library beside an injected process) keeps each apart.
service.runtimeDetails.context.libraryPath -> about["library"].file.full_path
"library" -> about["library"].labels["kind"] | when exists service.runtimeDetails.context.libraryPath
service.runtimeDetails.context.moduleFilePath -> about["kernel_module"].file.full_path
service.runtimeDetails.context.moduleName -> about["kernel_module"].file.names[]
service.runtimeDetails.context.moduleSha256 -> about["kernel_module"].file.sha256
"kernel_module" -> about["kernel_module"].labels["kind"] \
    | when exists service.runtimeDetails.context.moduleFilePath or exists service.runtimeDetails.context.moduleName \
    or exists service.runtimeDetails.context.moduleSha256
service.runtimeDetails.process.pwd -> additional["processPwd"]       # no UDM Process field for the working directory
service.runtimeDetails.process.startTime -> additional["processStartTime"]   # nor for its start time
service.runtimeDetails.process.namespacePid -> additional["processNamespacePid"]
# The file the process touched (the Docker socket opened, the release agent or runc binary rewritten, the
# host directory mounted, the shell history, the file or script run), first; the threat-intelligence
# path only when the finding names no such file, and always as a detection field ([E]
# threat.indicator.file.path <- threatFilePath: it is the indicator, not necessarily what was touched).
service.runtimeDetails.context.socketPath ?? service.runtimeDetails.context.releaseAgentPath ?? service.runtimeDetails.context.runcBinaryPath \
    ?? service.runtimeDetails.context.mountSource ?? service.runtimeDetails.context.shellHistoryFilePath ?? service.runtimeDetails.context.filePath \
    ?? service.runtimeDetails.context.scriptPath ?? service.runtimeDetails.context.threatFilePath -> target.file.full_path
service.runtimeDetails.context.threatFilePath -> security_result.detection_fields["threatFilePath"]
service.runtimeDetails.context.toolName -> security_result.threat_name   # [E] threat.software.name
service.runtimeDetails.context.toolCategory -> security_result.detection_fields["toolCategory"]
service.runtimeDetails.context.ianaProtocolNumber -> network.ip_protocol | lookup guardduty-ip-protocols   # [E] network.iana_number
service.runtimeDetails.context.mountTarget -> security_result.detection_fields["mountTarget"]
service.runtimeDetails.context.serviceName -> security_result.detection_fields["serviceName"]
service.runtimeDetails.context -> additional["runtimeContext"]   # [P] the whole context (modifying process, flags, memory regions, ...) as GuardDuty wrote it

# ---- Malware scans ------------------------------------------------------------------------------
# EBS volume scans (Malware Protection for EC2): the highest-severity threat names the finding;
# the first infected file is target.file; every threat and file is a detection field.
service.ebsVolumeScanDetails.scanDetections.highestSeverityThreatDetails.threatName -> security_result.threat_name   # [P]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].name -> security_result.threat_name   # [P] the first threat
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[0].filePaths[0].filePath -> target.file.full_path   # [E] file.path
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[0].filePaths[0].hash -> target.file.sha256   # [E] file.hash.sha256
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[0].filePaths[0].fileName -> target.file.names[]   # [E] file.name
# [added] Each threat is an about noun of its own, with its severity and its (first) file and hash, so
# that which file carries which threat stays together when a scan finds several; the loose detection
# fields below list every threat and file for searching.
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].name -> about[*].security_result.threat_name
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].severity -> about[*].security_result.detection_fields["threatSeverity"]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].filePaths[0].filePath -> about[*].file.full_path
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].filePaths[0].hash -> about[*].file.sha256
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].filePaths[0].fileName -> about[*].file.names[]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].name -> security_result.detection_fields["threatName"]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].severity -> security_result.detection_fields["threatSeverity"]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].filePaths[*].filePath -> security_result.detection_fields["infectedFilePath"]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.threatNames[*].filePaths[*].hash -> security_result.detection_fields["infectedFileSha256"]
service.ebsVolumeScanDetails.scanDetections.threatDetectedByName.itemCount -> security_result.detection_fields["infectedItemCount"] \
    # [G] (row truncated in Google's document)
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
service.malwareScanDetails.threats[0].itemDetails[0].itemPath ?? service.malwareScanDetails.threats[0].itemPaths[0].nestedItemPath -> target.file.full_path \
    # [P]
service.malwareScanDetails.threats[0].itemDetails[0].hash ?? service.malwareScanDetails.threats[0].itemPaths[0].hash -> target.file.sha256
service.malwareScanDetails.threats[*].source -> security_result.threat_feed_name
# [added] One about noun per threat: its name, source, hash and (first) item path together.
service.malwareScanDetails.threats[*].name -> about[*].security_result.threat_name
service.malwareScanDetails.threats[*].source -> about[*].security_result.threat_feed_name
service.malwareScanDetails.threats[*].itemPaths[0].nestedItemPath -> about[*].file.full_path
service.malwareScanDetails.threats[*].itemDetails[0].itemPath -> about[*].file.full_path
service.malwareScanDetails.threats[*].hash -> about[*].file.sha256
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
# The network endpoints the actors used are the remote side: the first is the principal with its place
# and network (an attack sequence has no direction of its own; its actors act on the resources below),
# and each one is an about noun with its own address, place, network and domain.
service.detection.sequence.endpoints[0].ip -> principal.ip[] | when is_ip
service.detection.sequence.endpoints[0].location.city -> principal.location.city   # remote geography in principal.location [G 2026-07-27]
service.detection.sequence.endpoints[0].location.country -> principal.location.country_or_region
service.detection.sequence.endpoints[0].location.lat -> principal.location.region_coordinates.latitude \
    | when service.detection.sequence.endpoints[0].location.lat > 0 or service.detection.sequence.endpoints[0].location.lat < 0 \
    or service.detection.sequence.endpoints[0].location.lon > 0 or service.detection.sequence.endpoints[0].location.lon < 0
service.detection.sequence.endpoints[0].location.lon -> principal.location.region_coordinates.longitude \
    | when service.detection.sequence.endpoints[0].location.lat > 0 or service.detection.sequence.endpoints[0].location.lat < 0 \
    or service.detection.sequence.endpoints[0].location.lon > 0 or service.detection.sequence.endpoints[0].location.lon < 0
service.detection.sequence.endpoints[0].ip -> principal.ip_geo_artifact.ip | when is_ip
service.detection.sequence.endpoints[0].location.country -> principal.ip_geo_artifact.location.country_or_region
service.detection.sequence.endpoints[0].autonomousSystem.number -> principal.ip_geo_artifact.network.asn | string
service.detection.sequence.endpoints[0].autonomousSystem.name -> principal.ip_geo_artifact.network.organization_name
service.detection.sequence.endpoints[0].autonomousSystem.number -> additional["asn"] | string
service.detection.sequence.endpoints[0].autonomousSystem.name -> additional["asnOrg"]
service.detection.sequence.endpoints[*].ip -> about[*].ip[] | when is_ip
service.detection.sequence.endpoints[*].domain -> about[*].hostname
service.detection.sequence.endpoints[*].location.city -> about[*].location.city
service.detection.sequence.endpoints[*].location.country -> about[*].location.country_or_region
service.detection.sequence.endpoints[*].location.lat -> about[*].location.region_coordinates.latitude | when is_not_zero
service.detection.sequence.endpoints[*].location.lon -> about[*].location.region_coordinates.longitude | when is_not_zero
service.detection.sequence.endpoints[*].autonomousSystem.number -> about[*].network.asn | string
service.detection.sequence.endpoints[*].autonomousSystem.name -> about[*].network.organization_name
service.detection.sequence.endpoints[0].connection.direction -> network.direction | lookup guardduty-directions
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
        ("redaction.map", ####"""
# Credentials never leave the normalizer. Before any rule reads a record, every string under one of
# the keys below is replaced by the marker [redacted:KEY] (the entry's name, never the secret's
# length), in every log type, so no event, label, `additional` field, report, note, `explain`, `diff`
# or `test` output can hold it. The raw record is kept only in a `--dead-letter` file.
#
# @redact KEY          a key, compared without case and without '_' or '-' (sessionToken matches
#                      SessionToken and session_token); a key is never matched by a part of its name
#                      (PasswordUpdated, passwordResetRequired, nextToken, secretId stay). Only
#                      strings are replaced: a boolean or number under a listed key is kept.
# @redact_value SHAPE  a secret found by its shape in any string, the rest of the string kept.
# @redact_json_text P  a string at P that holds JSON text is read and redacted inside.
# @redact_keep V, …    placeholders AWS writes instead of a secret: kept as they are.
# @unredact NAME       (in your own tables) removes an entry; `mappings check` warns for each.
# Access key ids (AKIA…, ASIA…) identify a key and are not secret: they are not listed.

# Temporary credentials: STS and IAM Identity Center responses (AssumeRole*, GetSessionToken,
# GetFederationToken, GetRoleCredentials) and SDK configuration.
@redact sessionToken             # STS session token: with the key id and secret it is a live credential
@redact securityToken            # the older name of the session token (EC2 metadata, SDK config)
@redact xAmzSecurityToken        # the session token as an HTTP header (X-Amz-Security-Token)
@redact secretAccessKey          # AWS secret access key
@redact awsSecretAccessKey       # the same in SDK and CLI configuration (aws_secret_access_key)
@redact secretKey                # secret half of an access key pair in other services' APIs

# Passwords and password hashes (IAM, Cognito, RDS, Directory Service, WorkMail, …).
@redact password                 # a password
@redact newPassword              # ChangePassword and similar: the new password
@redact oldPassword              # ChangePassword: the current password
@redact currentPassword          # the current password under another name
@redact previousPassword         # Cognito ChangePassword: the current password
@redact proposedPassword         # Cognito ChangePassword: the new password
@redact temporaryPassword        # Cognito AdminCreateUser: the first password
@redact masterUserPassword       # RDS, Redshift, DocumentDB: the administrator's password
@redact adminPassword            # administrator password of directories and appliances
@redact passwordHash             # a password hash can be cracked or replayed
@redact passwordDigest           # the same under another name

# Private keys.
@redact privateKey               # a private key (ACM ImportCertificate, IoT, SSH)
@redact certificatePrivateKey    # a certificate's private key under another name
@redact keyMaterial              # EC2 CreateKeyPair: the new key pair's private key
@redact_value pem_private_key    # a PEM private-key block in any string

# Secrets Manager and Parameter Store values.
@redact secretString             # Secrets Manager: the secret's text
@redact secretBinary             # Secrets Manager: the secret's bytes

# HTTP authorization and OAuth / OIDC tokens.
@redact authorization            # an HTTP Authorization header: credentials or a bearer token
@redact proxyAuthorization       # an HTTP Proxy-Authorization header
@redact_value bearer_token       # "Bearer TOKEN" in any string (an authorization value kept elsewhere)
@redact bearerToken              # an OAuth bearer token
@redact accessToken              # an OAuth access token (Cognito, IAM Identity Center)
@redact refreshToken             # an OAuth refresh token
@redact idToken                  # an OIDC id token
@redact webIdentityToken         # AssumeRoleWithWebIdentity: the OIDC token that buys the role
@redact clientSecret             # an OAuth client's secret (Cognito, IAM Identity Center)

# SAML.
@redact samlAssertion            # AssumeRoleWithSAML: the signed assertion that buys the role
@redact samlResponse             # a SAML response carries the same assertion

# JSON text inside a string: GuardDuty's API and CLI output keeps additionalInfo as JSON text.
@redact_json_text service.additionalInfo.value

# What AWS writes in place of a secret it withholds: kept, so the event still says it was hidden.
@redact_keep "HIDDEN_DUE_TO_SECURITY_REASONS", "****", "<sensitiveDataRemoved>", "Value hidden due to security reasons."
"""####),
    ]

    /// The built-in output profiles (`Mappings/profiles/NAME/`), in name order; each file named by its path under `Mappings/`.
    static let profiles: [(name: String, files: [(name: String, text: String)])] = [
        ("google-secops", [
            ("profiles/google-secops/cloudtrail-event-types.map", ####"""
# google-secops profile: metadata.event_type for CloudTrail events as Google SecOps types them, so a
# detection engineer can select on the type. Precedence (highest first):
#   1. Google's exact rows (by eventSource:eventName, then eventName; cloudtrail-event-types.map);
#   2. the parser reference's exact rows, its read rows moved to Google's RESOURCE_READ family below;
#   3. verb families by the name's prefix, longest first: Google's (Get/List/Describe -> RESOURCE_READ,
#      Create -> RESOURCE_CREATION, Delete/Deregister -> RESOURCE_DELETION, Attach -> RESOURCE_PERMISSIONS_CHANGE)
#      and ours, tagged [added];
#   4. GENERIC_EVENT.
# Insights events are typed by the call they count (insightDetails.eventName) [G 2026-08-27].
# Family types are RESOURCE_*, which UDM requires nothing more of than a time and a type, so a
# typed event is never downgraded by the validator; names no family covers stay GENERIC_EVENT.
@log_type AWS_CLOUDTRAIL
@extends cloudtrail.map

@remove metadata.event_type                                                                   # the reference's chain, restated below with the families
eventSource + ":" + eventName -> metadata.event_type | lookup cloudtrail-service-event-types   # [G]
eventName -> metadata.event_type | lookup cloudtrail-google-event-types                       # [G]
eventName -> metadata.event_type | lookup cloudtrail-event-types                              # [ref] with the rows below
eventName -> metadata.event_type | lookup google-secops-event-families                        # [G] + [added] families
insightDetails.eventName -> metadata.event_type | lookup cloudtrail-google-event-types        # [G 2026-08-27] Insights
insightDetails.eventName -> metadata.event_type | lookup google-secops-event-families         # [G 2026-08-27] Insights
"GENERIC_EVENT" -> metadata.event_type

# The reference table's reads of a resource are USER_RESOURCE_ACCESS; Google's family makes every
# Get/List/Describe RESOURCE_READ, and one type for one family is what a detection selects on.
@lookup cloudtrail-event-types default empty
DescribeInstances = RESOURCE_READ
DescribeInstanceStatus = RESOURCE_READ
DescribeKey = RESOURCE_READ
DescribeReservedCacheNodes = RESOURCE_READ
DescribeReservedDBInstances = RESOURCE_READ
DescribeReservedElasticsearchInstances = RESOURCE_READ
DescribeReservedInstances = RESOURCE_READ
DescribeReservedNodes = RESOURCE_READ
DescribeRouteTables = RESOURCE_READ
DescribeTags = RESOURCE_READ
GetSecretValue = RESOURCE_READ
ListAttachedRolePolicies = RESOURCE_READ
ListBuckets = RESOURCE_READ
ListDomainNames = RESOURCE_READ
ListObjects = RESOURCE_READ
ListRolePolicies = RESOURCE_READ
AddUserToGroup = GROUP_MODIFICATION                 # [added] the counterpart of the reference's RemoveUserFromGroup row
# [added] The sign-in family: the step that concludes a sign-in is USER_LOGIN, the steps on the way
# to it USER_UNCATEGORIZED (cloudtrail.map gives every step the same target.user, outcome and factor).
UserAuthentication = USER_LOGIN                     # IAM Identity Center: the sign-in concluded
CredentialChallenge = USER_UNCATEGORIZED            # Identity Center asked for a factor
CredentialVerification = USER_UNCATEGORIZED         # Identity Center checked a factor
CheckMfa = USER_UNCATEGORIZED                       # the console checked the MFA device
PasswordUpdated = USER_CHANGE_PASSWORD              # a password changed at sign-in (expired or reset)
# Family exceptions: calls whose verb's family misstates what they do. [departs] marks a row that
# leaves one of Google's families (Create, Attach, Get), [added] one that leaves ours.
UpdateLoginProfile = USER_CHANGE_PASSWORD           # [added] Update family: it sets a user's console password
CreateTags = RESOURCE_WRITTEN                       # [departs] Create family: it labels resources that exist, creates none
AttachVolume = RESOURCE_WRITTEN                     # [departs] Attach family: a disk joins an instance, no permission changes
RegisterInstancesWithLoadBalancer = RESOURCE_WRITTEN   # [added] Register family: instances join a load balancer, none is created
StartSnapshot = RESOURCE_CREATION                   # [added] Start family: EBS direct APIs create a snapshot
GetSessionToken = USER_LOGIN                        # [departs] Get family: the caller signs in to a session, like Assume*
GetFederationToken = USER_LOGIN                     # [departs] Get family: a federated user's session is signed in to
StartSession = USER_LOGIN                           # [added] Start family: SSM Session Manager opens a shell on the instance
@end

# [added] The reference's CreateGroup / DeleteGroup / UpdateGroup rows are IAM's user groups (GROUP_*,
# which needs a target.group); these services' groups are resources. Fleet Manager's remote desktop
# connection signs in to the instance, as StartSession does.
@lookup cloudtrail-service-event-types default empty
resource-groups.amazonaws.com:CreateGroup = RESOURCE_CREATION
resource-groups.amazonaws.com:DeleteGroup = RESOURCE_DELETION
resource-groups.amazonaws.com:UpdateGroup = RESOURCE_WRITTEN
xray.amazonaws.com:CreateGroup = RESOURCE_CREATION
xray.amazonaws.com:DeleteGroup = RESOURCE_DELETION
xray.amazonaws.com:UpdateGroup = RESOURCE_WRITTEN
ssm-guiconnect.amazonaws.com:StartConnection = USER_LOGIN
@end

@lookup google-secops-event-families prefix default empty
# [G] Google's documented families.
Get = RESOURCE_READ
List = RESOURCE_READ
Describe = RESOURCE_READ
Create = RESOURCE_CREATION
Delete = RESOURCE_DELETION
Deregister = RESOURCE_DELETION
Attach = RESOURCE_PERMISSIONS_CHANGE                # Google's AttachInstances / AttachLoadBalancerTargetGroups rows
# [added] Taking on a role is signing in as it: cloudtrail.map beside this file gives these calls the
# target user, auth type and application USER_LOGIN requires.
Assume = USER_LOGIN
# [added] Reads under other verbs: the call returns data and changes nothing.
BatchGet = RESOURCE_READ
Download = RESOURCE_READ
Head = RESOURCE_READ
Lookup = RESOURCE_READ
Search = RESOURCE_READ
Select = RESOURCE_READ
Query = RESOURCE_READ
Scan = RESOURCE_READ
Filter = RESOURCE_READ
# [added] Calls that read or analyse content and change nothing: detection, analysis, synthesis,
# translation, simulation and validation return a result computed from what they are given.
Detect = RESOURCE_READ                              # DetectLabels, DetectSentiment, DetectStackDrift
Analyze = RESOURCE_READ
Recognize = RESOURCE_READ
Synthesize = RESOURCE_READ                          # Polly SynthesizeSpeech (reads the lexicons named)
Translate = RESOURCE_READ
Simulate = RESOURCE_READ                            # SimulatePrincipalPolicy
Validate = RESOURCE_READ                            # ValidateTemplate
Preview = RESOURCE_READ
Estimate = RESOURCE_READ
Evaluate = RESOURCE_READ
Compare = RESOURCE_READ
Decode = RESOURCE_READ                              # DecodeAuthorizationMessage
Test = RESOURCE_READ                                # TestInvokeMethod, TestDNSAnswer: a dry run
# [added] Calls that bring a resource into being: an instance, a copy, an allocation, a registration.
Run = RESOURCE_CREATION
Copy = RESOURCE_CREATION
Allocate = RESOURCE_CREATION
Import = RESOURCE_CREATION
Register = RESOURCE_CREATION
Request = RESOURCE_CREATION
Issue = RESOURCE_CREATION
Clone = RESOURCE_CREATION
Invite = RESOURCE_CREATION                          # InviteAccountToOrganization: a handshake is created
# [added] Calls that end a resource.
Remove = RESOURCE_DELETION
Terminate = RESOURCE_DELETION
Release = RESOURCE_DELETION
Purge = RESOURCE_DELETION
Cancel = RESOURCE_DELETION
Leave = RESOURCE_DELETION                           # LeaveOrganization: the account's membership ends
# [added] Calls that change who may do what: attaching and detaching, granting and revoking, policies and ACLs.
Detach = RESOURCE_PERMISSIONS_CHANGE
Authorize = RESOURCE_PERMISSIONS_CHANGE             # as the reference types AuthorizeSecurityGroup*
Revoke = RESOURCE_PERMISSIONS_CHANGE
AddPermission = RESOURCE_PERMISSIONS_CHANGE
RemovePermission = RESOURCE_PERMISSIONS_CHANGE
AddRoleToInstanceProfile = RESOURCE_PERMISSIONS_CHANGE
RemoveRoleFromInstanceProfile = RESOURCE_PERMISSIONS_CHANGE
PutBucketAcl = RESOURCE_PERMISSIONS_CHANGE
PutObjectAcl = RESOURCE_PERMISSIONS_CHANGE
PutBucketPolicy = RESOURCE_PERMISSIONS_CHANGE
PutBucketPublicAccessBlock = RESOURCE_PERMISSIONS_CHANGE
PutAccountPublicAccessBlock = RESOURCE_PERMISSIONS_CHANGE
DeleteBucketPolicy = RESOURCE_PERMISSIONS_CHANGE
DeleteBucketPublicAccessBlock = RESOURCE_PERMISSIONS_CHANGE
DeleteAccountPublicAccessBlock = RESOURCE_PERMISSIONS_CHANGE
PutUserPolicy = RESOURCE_PERMISSIONS_CHANGE
PutRolePolicy = RESOURCE_PERMISSIONS_CHANGE
PutGroupPolicy = RESOURCE_PERMISSIONS_CHANGE
PutKeyPolicy = RESOURCE_PERMISSIONS_CHANGE
SetDefaultPolicyVersion = RESOURCE_PERMISSIONS_CHANGE
CreatePolicyVersion = RESOURCE_PERMISSIONS_CHANGE
ModifyImageAttribute = RESOURCE_PERMISSIONS_CHANGE           # sharing an image (launchPermission)
ModifySnapshotAttribute = RESOURCE_PERMISSIONS_CHANGE        # sharing a snapshot (createVolumePermission)
ModifyDBSnapshotAttribute = RESOURCE_PERMISSIONS_CHANGE      # sharing an RDS snapshot
ModifyDBClusterSnapshotAttribute = RESOURCE_PERMISSIONS_CHANGE
# [added] Calls that change a resource's content, configuration or state.
Put = RESOURCE_WRITTEN
Modify = RESOURCE_WRITTEN
Update = RESOURCE_WRITTEN
Set = RESOURCE_WRITTEN
Add = RESOURCE_WRITTEN
Enable = RESOURCE_WRITTEN
Disable = RESOURCE_WRITTEN
Start = RESOURCE_WRITTEN                            # a state change of the resource (StartInstances, StartLogging)
Stop = RESOURCE_WRITTEN
Reboot = RESOURCE_WRITTEN
Restore = RESOURCE_WRITTEN
Reset = RESOURCE_WRITTEN
Change = RESOURCE_WRITTEN
Associate = RESOURCE_WRITTEN
Disassociate = RESOURCE_WRITTEN
Tag = RESOURCE_WRITTEN
Untag = RESOURCE_WRITTEN
Schedule = RESOURCE_WRITTEN                         # ScheduleKeyDeletion: the key's state changes now, deletion comes later
Failover = RESOURCE_WRITTEN
Apply = RESOURCE_WRITTEN
Replace = RESOURCE_WRITTEN
Rotate = RESOURCE_WRITTEN
Upload = RESOURCE_WRITTEN
Publish = RESOURCE_WRITTEN
Send = RESOURCE_WRITTEN                             # SendCommand, SendEmail: the caller acts through the service
Invoke = RESOURCE_WRITTEN
Execute = RESOURCE_WRITTEN
Complete = RESOURCE_WRITTEN
Accept = RESOURCE_WRITTEN
Reject = RESOURCE_WRITTEN
Confirm = RESOURCE_WRITTEN
Verify = RESOURCE_WRITTEN                           # SES VerifyEmailIdentity: starts verifying an identity
Batch = RESOURCE_WRITTEN                            # BatchWrite*, BatchDelete* … (BatchGet is a read, above)
Split = RESOURCE_WRITTEN                            # Kinesis SplitShard
Merge = RESOURCE_WRITTEN
Lock = RESOURCE_WRITTEN                             # Recycle Bin LockRule
Unlock = RESOURCE_WRITTEN
Move = RESOURCE_WRITTEN                             # Organizations MoveAccount
Renew = RESOURCE_WRITTEN
Resume = RESOURCE_WRITTEN
Pause = RESOURCE_WRITTEN
Suspend = RESOURCE_WRITTEN
Activate = RESOURCE_WRITTEN
Deactivate = RESOURCE_WRITTEN
Revert = RESOURCE_WRITTEN
Rollback = RESOURCE_WRITTEN
Promote = RESOURCE_WRITTEN
Decline = RESOURCE_WRITTEN
Rotation = RESOURCE_WRITTEN                         # Secrets Manager's RotationStarted / Succeeded / Failed / Abandoned
Encrypt = RESOURCE_READ                             # KMS: the key is used, not changed (the reference's Encrypt row comes first)
Decrypt = RESOURCE_READ
GenerateDataKey = RESOURCE_READ
@end
"""####),
            ("profiles/google-secops/cloudtrail-fields.map", ####"""
# google-secops profile: fields in the shape Google SecOps' parser writes them and its published
# rules read them. Every rule here is added ahead of the built-in rules for its target
# (@precedence first), so where the two disagree this profile's value is the one written, and the
# built-in rules still fill what it leaves empty.
# Tags: [G] Google's parser documentation, [G-rules] a field in the shape Google's rules read it,
# [added] ours (with the reason).
@log_type AWS_CLOUDTRAIL
@extends cloudtrail.map
@precedence first

# ---- Principal ------------------------------------------------------------------------------------
"Root" -> principal.user.user_display_name | when userIdentity.type == "Root"   # [G-rules] rules join on the caller's name; the root user has no userName
userIdentity.arn -> principal.user.attribute.roles.name | when userIdentity.type == "AssumedRole" | after_first "/" | before_first "/" \
    # [G 2024-03-22] the role part of arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION
userIdentity.arn -> principal.user.role_name | when userIdentity.type == "AssumedRole" | after_first "/" | before_first "/" \
    # [G 2024-03-22] as above (deprecated field Google still writes)

@when eventName == "ConsoleLogin"
"Root" -> target.user.user_display_name | when userIdentity.type == "Root"   # [G-rules] the root user signing in
@end

@when eventName == "UserAuthentication"
"SSO" -> extensions.auth.type                                       # [added] IAM Identity Center is single sign-on (USER_LOGIN requires a type)
"AUTH_VIOLATION" -> security_result.category | when serviceEventDetails.UserAuthentication == "Failure"   # [added] as for ConsoleLogin
@end

# ---- Sessions signed in to (typed USER_LOGIN in cloudtrail-event-types.map) --------------------------
@when eventName in (GetSessionToken, GetFederationToken, StartSession) or eventSource == "ssm-guiconnect.amazonaws.com"
responseElements.federatedUser.arn -> target.user.userid            # [added] GetFederationToken: the federated user the session is for
userIdentity.arn -> target.user.userid                              # [added] otherwise the caller signs in as itself
requestParameters.name -> target.user.user_display_name | when eventName == "GetFederationToken"   # [added]
userIdentity.userName -> target.user.user_display_name              # [added]
"AUTHTYPE_UNSPECIFIED" -> extensions.auth.type                      # [added] keys or a session: none of UDM's other auth types
"AUTH_VIOLATION" -> security_result.category | when exists errorCode   # [added] a refused sign-in
@end
requestParameters.target -> target.resource.product_object_id | resource VIRTUAL_MACHINE "AWS::SSM::ManagedInstance" \
    | when eventName == "StartSession" and requestParameters.target contains "mi-"   # [added] a hybrid node (mi-…)
requestParameters.target -> target.resource.product_object_id | resource VIRTUAL_MACHINE "AWS::EC2::Instance" \
    | when eventName == "StartSession"   # [added] the instance the shell is on

# ---- Taking on a role (typed USER_LOGIN in cloudtrail-event-types.map) ------------------------------
@when eventName in (AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity, AssumeRoot)
responseElements.assumedRoleUser.arn -> target.user.userid          # [added] the session the caller signs in as
requestParameters.roleArn -> target.user.userid                     # [added] the role asked for, when the call was refused
errorMessage -> target.user.userid | when errorMessage contains " on resource: " | after_last " on resource: " \
    # [added] a refused call whose request CloudTrail left null names the role only in its message
requestParameters.roleSessionName -> target.user.user_display_name  # [added]
"SSO" -> extensions.auth.type | when eventName in (AssumeRoleWithSAML, AssumeRoleWithWebIdentity) \
    # [added] a federated identity provider vouched for the caller
"AUTHTYPE_UNSPECIFIED" -> extensions.auth.type                      # [added] keys or a session: none of UDM's other auth types
"AUTH_VIOLATION" -> security_result.category | when exists errorCode   # [added] a refused sign-in, as for ConsoleLogin
@end

# ---- The resource acted on ---------------------------------------------------------------------------
@when eventName in (AttachUserPolicy, AttachGroupPolicy, AttachRolePolicy, DetachUserPolicy, DetachGroupPolicy, DetachRolePolicy, CreatePolicyVersion, \
    DeletePolicyVersion, SetDefaultPolicyVersion, DeletePolicy, GetPolicyVersion)
requestParameters.policyArn -> target.resource.name                 # [G-rules] the policy attached (e.g. arn:aws:iam::aws:policy/AdministratorAccess)
"ACCESS_POLICY" -> target.resource.resource_type                    # [added] what kind of resource that is
@end

# The user a key or a console password is for: Google's rules compare it with the caller's name and
# with the name of a later console sign-in, so it is the user name, not the ARN.
@when eventName in (CreateAccessKey, UpdateAccessKey, DeleteAccessKey, CreateLoginProfile, UpdateLoginProfile, DeleteLoginProfile)
requestParameters.userName -> target.user.userid                    # [G-rules]
responseElements.accessKey.userName -> target.user.userid           # [G-rules] a key for the caller itself names the user in the response only
userIdentity.userName -> target.user.userid | when missing requestParameters.userName   # [added] no user named: the call acts on the caller
responseElements.accessKey.accessKeyId -> target.resource.product_object_id   # [G-rules] the issued key, joined with later calls' additional.accessKeyId
requestParameters.accessKeyId -> target.resource.product_object_id  # [added] the key updated or deleted
@end

requestParameters.instanceId -> target.resource_ancestors.product_object_id | when eventName == "ModifyInstanceAttribute" \
    # [G-rules] the instance whose attribute changed

# ---- Request values as target.resource labels, with the keys Google's rules read -------------------
requestParameters.sslPolicy -> target.resource.attribute.labels["requestParameters.sslPolicy"]   # [G-rules] ELB CreateListener / ModifyListener
requestParameters.includeValue -> target.resource.attribute.labels["requestParameters.includeValue"]   # [G-rules] API Gateway GetApiKey
requestParameters.includeValues -> target.resource.attribute.labels["requestParameters.includeValues"]   # [G-rules] API Gateway GetApiKeys
requestParameters.distributionConfig.viewerCertificate.minimumProtocolVersion \
    -> target.resource.attribute.labels["requestParameters.distributionConfig.viewerCertificate.minimumProtocolVersion"]   # [G-rules] CloudFront
requestParameters.enable -> target.resource.attribute.labels["enable"]   # [G-rules] GuardDuty UpdateDetector
requestParameters.activate -> target.resource.attribute.labels["activate"]   # [G-rules] GuardDuty UpdateIPSet / UpdateThreatIntelSet
requestParameters.enabled -> target.resource.attribute.labels["enabled"]   # [G-rules] SES UpdateAccountSendingEnabled / UpdateConfigurationSetSendingEnabled
requestParameters.sendingEnabled -> target.resource.attribute.labels["sendingEnabled"] \
    # [G-rules] SES v2 PutAccountSendingAttributes / PutConfigurationSetSendingOptions
requestParameters.launchPermission.add.items[*].group -> target.resource.attribute.labels["Add Items Group"]   # [G-rules] ModifyImageAttribute ("all" = public)
requestParameters.createVolumePermission.add.items[*].group -> target.resource.attribute.labels["Add Items Group"]   # [G-rules] ModifySnapshotAttribute
requestParameters.userData -> target.resource.attribute.labels["Request Parameters User Data"] \
    # [G-rules] ModifyInstanceAttribute (CloudTrail writes <sensitiveDataRemoved>)
requestParameters.valuesToAdd[*] -> target.resource.attribute.labels["Request Parameters Values To Add"]   # [G-rules] RDS ModifyDB(Cluster)SnapshotAttribute
requestParameters.attributeName -> target.resource.attribute.labels["Request Parameters Attribute Name"]   # [G-rules] as above ("restore")
requestParameters.AccessControlPolicy.AccessControlList.Grant[*].Grantee.URI -> target.resource.attribute.labels["AccessControlList Grantee URI"] \
    # [G-rules] S3 PutBucketAcl, several grants
requestParameters.AccessControlPolicy.AccessControlList.Grant.Grantee.URI -> target.resource.attribute.labels["AccessControlList Grantee URI"] \
    # [G-rules] S3 PutBucketAcl, one grant (CloudTrail writes an object, not an array)
requestParameters.ipPermissions.items[*].ipRanges.items[*].cidrIp -> target.resource.attribute.labels["ipPermissions cidrIp"] \
    # [G-rules] AuthorizeSecurityGroupIngress
requestParameters.ipPermissions.items[*].ipv6Ranges.items[*].cidrIpv6 -> target.resource.attribute.labels["ipPermissions cidrIpv6"]   # [G-rules] as above, IPv6

# ---- Read parameters that matter for detection (read-only calls keep no request labels) -----------
requestParameters.modelId -> target.resource.attribute.labels["modelId"]   # [added] Bedrock InvokeModel: the model read
requestParameters.secretIdList[*] -> target.resource.attribute.labels["secretIdList"]   # [added] BatchGetSecretValue: every secret read
requestParameters.withDecryption -> target.resource.attribute.labels["withDecryption"]   # [added] SSM GetParameter(s): plaintext read
"""####),
            ("profiles/google-secops/cloudtrail-resources.map", ####"""
# google-secops profile: the resource a call acts on, for the calls cloudtrail.map does not name one
# for. Google's rules read target.resource.name and product_object_id for the acted-on resource. These
# rules are added after the built-in ones (@precedence last), so a resource the built-in tables name
# wins; then come the rows below, then the general target rule (restated at the end of the file), then
# read collection. Only rows that give what the general rule cannot are kept here, each saying why: a
# key that is no identifying key by its spelling (serialNumber, target, secretIdList), or a
# specific choice the rule would make otherwise (the model's name, the exported source, the mirrored
# interface). Rows the rule answers the same way (requestParameters.name, clusterName, instanceId, the
# wrapped EC2 requests, created EC2 objects, …) are gone: one place for each piece of knowledge.
@log_type AWS_CLOUDTRAIL
@extends cloudtrail.map
@precedence last

# ---- By name or ARN -----------------------------------------------------------------------------
requestParameters.targetDBClusterSnapshotIdentifier -> target.resource.name \
    # [added] CopyDBClusterSnapshot: the copy by its identifier, also when a refused call has no response (the rule reads the response)
requestParameters.modelId -> target.resource.name \
    # [added] Bedrock InvokeModel / Converse: the model by its name (anthropic.claude-v2); the general rule files a modelId as an opaque id
requestParameters.serialNumber -> target.resource.name              # [added] an MFA device (serialNumber is no identifying key by its spelling)
requestParameters.secretIdList[*] -> target.resource.name | resource CREDENTIAL "AWS::SecretsManager::Secret" \
    # [added] BatchGetSecretValue: the first secret, the others about resources (secretIdList is no identifying key by its spelling)
requestParameters.target -> target.resource.name                    # [added] SSM StartSession: the instance (no identifying key by its spelling)
requestParameters.sourceArn -> target.resource.name \
    # [added] RDS StartExportTask: what is exported (a specific choice: the rule would name the export task, exportTaskIdentifier)

# ---- By identifier ------------------------------------------------------------------------------
requestParameters.apiKey -> target.resource.product_object_id       # [added] API Gateway (no identifying key by its spelling)

# EC2's newer APIs wrap the request and the response in an object named after the call.
# Specific choices: the rule would name the session and the filter rule these calls make.
requestParameters.CreateTrafficMirrorSessionRequest.NetworkInterfaceId -> target.resource.product_object_id   # [added] the interface mirrored
requestParameters.CreateTrafficMirrorFilterRuleRequest.TrafficMirrorFilterId -> target.resource.product_object_id   # [added] the filter the rule joins

insightDetails.eventName -> target.resource.resource_type | lookup cloudtrail-resource-types   # [added] Insights: the kind of resource the counted call acts on

# ---- The general target rule ---------------------------------------------------------------------
# [added] cloudtrail.map's general target rule (`| target_key`, see README "Which resource"), moved
# behind the rows above: this file's rules are added after every built-in rule, so the built-in one
# is removed and restated here, unchanged, to keep these rows' specific choices first.
@when exists requestParameters or exists responseElements
@remove target.resource.name
eventName -> target.resource.name \
    | target_key cloudtrail-target-keys cloudtrail-creating-verbs cloudtrail-key-resource-types   # [added]
@end

# ---- Read collection ----------------------------------------------------------------------------
# [added] A list / describe / get call that names no resource still says which kind of resource it read:
# resource_subtype SERVICE:Noun (monitoring.amazonaws.com DescribeAlarms -> monitoring:Alarms; the verb is
# the longest key of google-secops-collection-verbs, trailing version digits dropped: ListFunctions20150331
# -> lambda:Functions), resource_type from cloudtrail-resource-types (the built-in eventName rule), and the
# label scope = collection. Only for a call whose request names nothing (absent, or holding only the paging
# and filter parameters of google-secops-paging-keys) and that has no response and no resources list (a
# response names what was read or issued); a record that names something is left to the rules above, which
# come first (@precedence last).
@when requestParameters only_keys_of google-secops-paging-keys and missing responseElements and missing resources
eventSource + ":" + eventName -> target.resource.resource_subtype | call_noun google-secops-collection-verbs   # [added]
eventName -> target.resource.attribute.labels["scope"] | lookup google-secops-collection-verbs   # [added]
@end

# Request parameters that page through or filter a collection without naming any of its members. Extend it
# with rows of your own (`@lookup google-secops-paging-keys default empty`).
@lookup google-secops-paging-keys default empty
maxResults = paging
maxRecords = paging
maxItems = paging
limit = paging
nextToken = paging
marker = paging
nextMarker = paging
startingToken = paging
pageSize = paging
pageToken = paging
sortBy = paging
sortOrder = paging
filters = filter
filter = filter
filterSet = filter
resourceTags = filter               # rbin ListRules: rules with these tags
certificateStatuses = filter        # ACM ListCertificates
identityType = filter               # SES ListIdentities
permissions = filter                # Cloud9 DescribeEnvironmentMemberships
showCacheNodeInfo = display         # ElastiCache: how much to show
lang = display                      # the language of the answer
host = endpoint                     # S3 ListBuckets: the endpoint called, no bucket
@end

@lookup google-secops-collection-verbs prefix default empty
Describe = collection
List = collection
Get = collection
@end

# The kind of resource of calls that name none (listing and describing a whole collection, or acting
# on the caller's own account), so a reader can still say what was read. Rows added to the built-in lookup.
@lookup cloudtrail-resource-types default empty
ListAllMyBuckets = STORAGE_BUCKET
DescribeSecurityGroups = FIREWALL_RULE
DescribeNetworkAcls = FIREWALL_RULE
DescribeVpcs = VPC_NETWORK
DescribeSubnets = SUBNET
DescribeImages = IMAGE
DescribeSnapshots = SNAPSHOT
DescribeVolumes = VOLUME
DescribeDBInstances = DATABASE
DescribeDBClusters = DATABASE
DescribeDBSnapshots = SNAPSHOT
DescribeDBClusterSnapshots = SNAPSHOT
DescribeDBLogFiles = DATABASE
DescribeTrafficMirrorTargets = VPC_NETWORK
DescribeParameters = SETTING
DescribeAccount = CLOUD_PROJECT
ListAccessKeys = CREDENTIAL
ListUsers = USER
ListRoles = SERVICE_ACCOUNT
ListGroups = USER
ListGroupsForUser = USER
ListAttachedGroupPolicies = ACCESS_POLICY
ListAttachedUserPolicies = ACCESS_POLICY
ListPolicies = ACCESS_POLICY
ListFunctions20150331 = FUNCTION
ListFunctions = FUNCTION
ListIdentities = SETTING
ListWebACLs = FIREWALL_RULE
ListGuardrails = SETTING
ListMembers = CLOUD_PROJECT
GetCallerIdentity = CREDENTIAL
GetSessionToken = CREDENTIAL
GetSigninToken = CREDENTIAL
GetSendQuota = SETTING
GetAccountSendingEnabled = SETTING
GetAlternateContact = CLOUD_PROJECT
GetContactInformation = CLOUD_PROJECT
SetContactAddress = CLOUD_PROJECT
GetEventSelectors = SETTING
EnableRegion = CLOUD_PROJECT
DisableRegion = CLOUD_PROJECT
LeaveOrganization = CLOUD_ORGANIZATION
RemoveAccountFromOrganization = CLOUD_ORGANIZATION   # the account id is not made a resource (Google's parser does not); the kind is
CreateServiceLinkedRole = SERVICE_ACCOUNT
UpdateAccountPasswordPolicy = SETTING
DeleteAccountPasswordPolicy = SETTING
PutAccountPublicAccessBlock = SETTING
DeleteAccountPublicAccessBlock = SETTING
PutAccountSendingAttributes = SETTING
UpdateAccountSendingEnabled = SETTING
UpdateMacieSession = SETTING
DeleteModelInvocationLoggingConfiguration = SETTING
# Calls whose resource kind the call itself says, for records that name no resource.
CreateSAMLProvider = SETTING
UpdateSAMLProvider = SETTING
DeleteSAMLProvider = SETTING
CreateVirtualMFADevice = CREDENTIAL
DeleteVirtualMFADevice = CREDENTIAL
EnableMFADevice = CREDENTIAL
DeactivateMFADevice = CREDENTIAL
GetRole = SERVICE_ACCOUNT
DeleteRole = SERVICE_ACCOUNT
Decrypt = CREDENTIAL
Encrypt = CREDENTIAL
GenerateDataKey = CREDENTIAL
PutKeyPolicy = ACCESS_POLICY
PutResourcePolicy = ACCESS_POLICY
PutBucketPolicy = ACCESS_POLICY
DeleteBucketPolicy = ACCESS_POLICY
PutUserPolicy = ACCESS_POLICY
PutRolePolicy = ACCESS_POLICY
PutGroupPolicy = ACCESS_POLICY
SetQueueAttributes = SETTING
CreateElasticsearchDomain = CLUSTER
PutBucketVersioning = STORAGE_BUCKET
PutBucketLogging = STORAGE_BUCKET
PutBucketAcl = STORAGE_BUCKET
PutBucketPublicAccessBlock = STORAGE_BUCKET
DeleteBucketEncryption = STORAGE_BUCKET
DeleteBucketReplication = STORAGE_BUCKET
DeleteBucketPublicAccessBlock = STORAGE_BUCKET
@end
"""####),
            ("profiles/google-secops/cloudtrail.map", ####"""
# google-secops profile: CloudTrail events as Google SecOps' AWS_CLOUDTRAIL parser writes them and as
# Google's published YARA-L rules read them (../shared/reference/chronicle-cloudtrail-mapping.tsv and
# ../shared/reference/chronicle-rules/cloudtrail/). Layered over the built-in cloudtrail.map and
# cloudtrail-digest.map: a rule with a built-in rule's scope and target replaces it in place, other
# rules are added after the built-in ones. Beside this file: cloudtrail-fields.map (fields in the
# shape Google's rules read them, ahead of the built-in rules), cloudtrail-resources.map (the
# acted-on resource where the built-in tables name none) and cloudtrail-event-types.map.
# Tags: [G] Google's parser documentation, [G-rules] a field in the shape Google's rules read it,
# [added] ours (with the reason).
@log_type AWS_CLOUDTRAIL

"AWS CloudTrail" -> metadata.product_name                           # [G-rules] every rule filters on it (the reference sample writes AWS_CLOUDTRAIL)

# ---- additional, with Google's keys ----------------------------------------------------------------
@remove additional["access_key_id"]                                 # the reference sample's key; Google writes accessKeyId
userIdentity.accessKeyId -> additional["accessKeyId"]               # [G-rules] joined with the key GetSessionToken / CreateAccessKey issued
recipientAccountId -> additional["recipientAccountId"]              # [G-rules] the account the event was delivered to

# ---- Services as actors -----------------------------------------------------------------------------
# [added] A sourceIPAddress such as elasticmapreduce.amazonaws.com says an AWS service made the call on
# the account's behalf: it is an application, not a machine, so it is never principal.hostname or
# principal.asset.hostname (an asset inventory would list "ec2.amazonaws.com" as a host). These
# replace the built-in rules of the same scope and target.
@define service_caller = sourceIPAddress contains ".amazonaws.com"   # an address never holds it
@when not (sourceIPAddress in ("AWS Internal", redacted, "-") or sourceIPAddress consists_of ".")
sourceIPAddress -> principal.hostname | when not is_ip and not service_caller
sourceIPAddress -> principal.asset.hostname | when not is_ip and not service_caller
@end
sourceIPAddress -> principal.application | when service_caller      # [added] the calling service
userIdentity.invokedBy -> principal.application | when userIdentity.invokedBy contains ".amazonaws.com"   # [added] a service behind "AWS Internal"
# A service taking on a role (sourceIPAddress ec2.amazonaws.com, no address) still signs in as the role
# (USER_LOGIN, cloudtrail-event-types.map). UDM's USER_LOGIN needs a machine on one side; the caller
# has none, so the machine is the side signed in to: the STS endpoint the call reached.
eventSource -> target.hostname | when eventName in (AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity, AssumeRoot) and service_caller \
    # [added]

# ---- Nouns: security groups are resources, a rule's ports and ranges are the rule's -----------------
# [added] An EC2 security group is a FIREWALL_RULE resource (the EC2 block of cloudtrail.map names it),
# not a group of users: the group fields are kept for IAM groups (and CloudWatch Logs' log group of
# CreateLogGroup, typed GROUP_CREATION by the reference's table). The rules restate the built-in ones.
@remove target.group.group_display_name
@remove src.group.group_display_name
@when eventSource == "iam.amazonaws.com"
requestParameters.groupName -> target.group.group_display_name
requestParameters.newGroupName -> target.group.group_display_name
responseElements.group.groupName -> target.group.group_display_name
requestParameters.groupName -> src.group.group_display_name
@end
requestParameters.logGroupName -> target.group.group_display_name | when eventName == "CreateLogGroup"
# [added] A security-group rule's port range and address range describe the rule, not the caller:
# no principal.port or principal.labels; they are the rule resource's labels (the request's ranges are
# also there under the key Google's rules read, "ipPermissions cidrIp", from cloudtrail-fields.map).
@remove principal.port
@remove principal.labels["cidrIpv4"]
responseElements.securityGroupRuleSet.items[*].fromPort -> target.resource.attribute.labels["fromPort"]
responseElements.securityGroupRuleSet.items[*].toPort -> target.resource.attribute.labels["toPort"]
responseElements.securityGroupRuleSet.items[*].cidrIpv4 -> target.resource.attribute.labels["cidrIpv4"]
responseElements.securityGroupRuleSet.items[*].cidrIpv6 -> target.resource.attribute.labels["cidrIpv6"]
"""####),
        ]),
    ]
}

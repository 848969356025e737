import Foundation
import Testing

@testable import UDMNormalizer

/// Google's published CloudTrail detection rules (vendored in `Tests/Rules/chronicle/cloudtrail/`)
/// as the acceptance test of the `google-secops` profile, run by the library's rule evaluator: for
/// each rule, a record the rule targets meets the `events:` predicate of its event variable (and
/// fires the rule, for rules one event can fire), and a near miss (the same call with the rule's
/// condition not met) does neither. Windows, counts and joins over several events are tested in
/// `RuleSessionTests`; a variable bound by a placeholder (`= $user_id`) must have a value to bind.
@Suite struct GoogleCloudTrailRuleTests {
    typealias Record = CloudTrailRecord

    /// The rule's predicate holds on `positive` and fails on `nearMiss`.
    private func check(
        _ predicate: RulePredicate, positive: String, nearMiss: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let hit = try Record.googleSecOps(positive)
        let miss = try Record.googleSecOps(nearMiss)
        #expect(
            predicate(hit), "the rule's predicate does not hold on the event it targets", sourceLocation: sourceLocation
        )
        if predicate.firesOnOneEvent {
            #expect(
                predicate.fires(hit), "the rule does not fire on the event it targets", sourceLocation: sourceLocation)
        }
        #expect(!predicate(miss), "the rule's predicate holds on the near miss", sourceLocation: sourceLocation)
        #expect(!predicate.fires(miss), "the rule fires on the near miss", sourceLocation: sourceLocation)
    }

    /// A call that only has to succeed: the near miss is the same call refused.
    private func checkAllowedCall(
        _ predicate: RulePredicate, _ name: String, source: String, request: String = "null",
        response: String = "null", sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try check(
            predicate, positive: Record.call(name, source: source, request: request, response: response),
            nearMiss: Record.call(name, source: source, request: request, error: "AccessDenied"),
            sourceLocation: sourceLocation)
    }

    @Test func accountLeavingOrRemovedFromOrganization() throws {
        let rule = try RulePredicate("aws_account_leaving_or_removed_from_organization")
        try check(
            rule, positive: Record.call("LeaveOrganization", source: "organizations.amazonaws.com"),
            nearMiss: Record.call("DescribeOrganization", source: "organizations.amazonaws.com", readOnly: true))
        try check(
            rule,
            positive: Record.call(
                "RemoveAccountFromOrganization", source: "organizations.amazonaws.com",
                request: #"{"accountId":"444455556666"}"#),
            nearMiss: Record.call(
                "InviteAccountToOrganization", source: "organizations.amazonaws.com",
                request: #"{"target":{"id":"444455556666","type":"ACCOUNT"}}"#))
    }

    @Test func albInsecureSSLPolicy() throws {
        let rule = try RulePredicate("aws_alb_insecure_ssl_policy")
        func listener(_ policy: String) -> String {
            Record.call(
                "ModifyListener", source: "elasticloadbalancing.amazonaws.com",
                request:
                    #"{"listenerArn":"arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2","port":443,"protocol":"HTTPS","sslPolicy":"\#(policy)"}"#
            )
        }
        try check(
            rule, positive: listener("ELBSecurityPolicy-2016-08"),
            nearMiss: listener("ELBSecurityPolicy-TLS13-1-2-2021-06"))
    }

    @Test func apiCallOutsideOfOrganization() throws {
        // The rule's %aws_accounts reference list: the organization's accounts.
        let rule = try RulePredicate("aws_api_call_outside_of_organization", lists: ["aws_accounts": [Record.account]])
        try check(
            rule,
            positive: Record.call(
                "ListBuckets", source: "s3.amazonaws.com", request: #"{"host":["s3.amazonaws.com"]}"#,
                identity: Record.outsider, readOnly: true),
            nearMiss: Record.call(
                "ListBuckets", source: "s3.amazonaws.com", request: #"{"host":["s3.amazonaws.com"]}"#, readOnly: true))
    }

    @Test func apiGatewayGetKeys() throws {
        let rule = try RulePredicate("aws_api_gateway_get_keys")
        try check(
            rule,
            positive: Record.call(
                "GetApiKeys", source: "apigateway.amazonaws.com", request: #"{"includeValues":true,"limit":500}"#,
                readOnly: true),
            nearMiss: Record.call(
                "GetApiKeys", source: "apigateway.amazonaws.com", request: #"{"includeValues":false,"limit":500}"#,
                readOnly: true))
        try check(
            rule,
            positive: Record.call(
                "GetApiKey", source: "apigateway.amazonaws.com",
                request: #"{"apiKey":"o8xbvp1s9c","includeValue":true}"#, readOnly: true),
            nearMiss: Record.call(
                "GetApiKey", source: "apigateway.amazonaws.com",
                request: #"{"apiKey":"o8xbvp1s9c","includeValue":true}"#, error: "AccessDenied", readOnly: true))
    }

    @Test func backupPlanDeleted() throws {
        let rule = try RulePredicate("aws_backup_plan_deleted")
        try checkAllowedCall(
            rule, "DeleteBackupPlan", source: "backup.amazonaws.com",
            request: #"{"backupPlanId":"1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e"}"#,
            response:
                #"{"backupPlanId":"1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e","backupPlanArn":"arn:aws:backup:us-east-1:111122223333:backup-plan:1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e","deletionDate":"Mar 14, 2026, 10:00:00 AM"}"#
        )
        try checkAllowedCall(
            rule, "DeleteBackupSelection", source: "backup.amazonaws.com",
            request:
                #"{"backupPlanId":"1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e","selectionId":"8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"}"#
        )
    }

    @Test func cloudFrontInsecureSSLPolicy() throws {
        let rule = try RulePredicate("aws_cloudfront_insecure_ssl_policy")
        func update(_ version: String) -> String {
            Record.call(
                "UpdateDistribution", source: "cloudfront.amazonaws.com",
                request:
                    #"{"id":"E2QWRUHEXAMPLE","ifMatch":"E3ARD3RV1GE8N","distributionConfig":{"callerReference":"web-2026","enabled":true,"viewerCertificate":{"aCMCertificateArn":"arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012","sSLSupportMethod":"sni-only","minimumProtocolVersion":"\#(version)"}}}"#
            )
        }
        try check(rule, positive: update("TLSv1"), nearMiss: update("TLSv1.2_2021"))
    }

    @Test func cloudTrailLoggingTampered() throws {
        let rule = try RulePredicate("aws_cloudtrail_logging_tampered")
        try checkAllowedCall(
            rule, "StopLogging", source: "cloudtrail.amazonaws.com",
            request: #"{"name":"arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events"}"#)
        try checkAllowedCall(
            rule, "DeleteTrail", source: "cloudtrail.amazonaws.com", request: #"{"name":"management-events"}"#)
    }

    @Test func configServiceModified() throws {
        let rule = try RulePredicate("aws_config_service_modified")
        try checkAllowedCall(
            rule, "StopConfigurationRecorder", source: "config.amazonaws.com",
            request: #"{"configurationRecorderName":"default"}"#)
        try checkAllowedCall(
            rule, "DeleteDeliveryChannel", source: "config.amazonaws.com",
            request: #"{"deliveryChannelName":"default"}"#)
    }

    @Test func consoleLoginWithoutMFA() throws {
        let rule = try RulePredicate("aws_console_login_without_mfa")
        try check(rule, positive: Record.consoleLogin(mfaUsed: "No"), nearMiss: Record.consoleLogin(mfaUsed: "Yes"))
    }

    @Test func deleteCloudWatchLogGroup() throws {
        let rule = try RulePredicate("aws_delete_cloudwatch_log_group")
        try checkAllowedCall(
            rule, "DeleteLogGroup", source: "logs.amazonaws.com", request: #"{"logGroupName":"/aws/lambda/payments"}"#)
    }

    @Test func deleteVPCFlowLogs() throws {
        let rule = try RulePredicate("aws_delete_vpc_flow_logs")
        try checkAllowedCall(
            rule, "DeleteFlowLogs", source: "ec2.amazonaws.com",
            request: #"{"DeleteFlowLogsRequest":{"FlowLogId":{"content":"fl-0ef673ef70c4f07cc","tag":1}}}"#,
            response:
                #"{"DeleteFlowLogsResponse":{"requestId":"1dcd7d36-72be-4aad-9e9d-93b88e0135ea","unsuccessful":"","xmlns":"http://ec2.amazonaws.com/doc/2016-11-15/"}}"#
        )
    }

    @Test func amiOrSnapshotSharedPublicly() throws {
        let rule = try RulePredicate("aws_ec2_ami_or_snapshot_shared_publicly")
        try check(
            rule,
            positive: Record.call(
                "ModifyImageAttribute", source: "ec2.amazonaws.com",
                request:
                    #"{"imageId":"ami-0abcdef1234567890","launchPermission":{"add":{"items":[{"group":"all"}]}},"attributeType":"launchPermission"}"#
            ),
            nearMiss: Record.call(
                "ModifyImageAttribute", source: "ec2.amazonaws.com",
                request:
                    #"{"imageId":"ami-0abcdef1234567890","launchPermission":{"add":{"items":[{"userId":"444455556666"}]}},"attributeType":"launchPermission"}"#
            ))
        try check(
            rule,
            positive: Record.call(
                "ModifySnapshotAttribute", source: "ec2.amazonaws.com",
                request:
                    #"{"snapshotId":"snap-066877671789bd71b","createVolumePermission":{"add":{"items":[{"group":"all"}]}},"attributeType":"CREATE_VOLUME_PERMISSION"}"#
            ),
            nearMiss: Record.call(
                "ModifySnapshotAttribute", source: "ec2.amazonaws.com",
                request:
                    #"{"snapshotId":"snap-066877671789bd71b","createVolumePermission":{"remove":{"items":[{"group":"all"}]}},"attributeType":"CREATE_VOLUME_PERMISSION"}"#
            ))
    }

    @Test func getWindowsAdminPassword() throws {
        let rule = try RulePredicate("aws_ec2_get_windows_admin_password")
        try checkAllowedCall(
            rule, "GetPasswordData", source: "ec2.amazonaws.com", request: #"{"instanceId":"i-0abc123def4567890"}"#)
    }

    @Test func ec2HighNumberOfAPICalls() throws {
        let rule = try RulePredicate("aws_ec2_high_number_of_api_calls")
        try check(
            rule,
            positive: Record.call(
                "DescribeInstances", source: "ec2.amazonaws.com", request: #"{"instancesSet":{},"filterSet":{}}"#,
                identity: Record.instanceRole("i-0abc123def4567890"), readOnly: true),
            nearMiss: Record.call(
                "DescribeInstances", source: "ec2.amazonaws.com", request: #"{"instancesSet":{},"filterSet":{}}"#,
                identity: Record.instanceRole("deploy-pipeline"), readOnly: true))
    }

    @Test func ec2UserDataModified() throws {
        let rule = try RulePredicate("aws_ec2_user_data_modified")
        try check(
            rule,
            positive: Record.call(
                "ModifyInstanceAttribute", source: "ec2.amazonaws.com",
                request: #"{"instanceId":"i-0abc123def4567890","userData":"<sensitiveDataRemoved>"}"#),
            nearMiss: Record.call(
                "ModifyInstanceAttribute", source: "ec2.amazonaws.com",
                request: #"{"instanceId":"i-0abc123def4567890","instanceType":{"value":"t3.large"}}"#))
    }

    @Test func enableDisableRegion() throws {
        let rule = try RulePredicate("aws_enable_disable_region")
        try checkAllowedCall(
            rule, "EnableRegion", source: "account.amazonaws.com", request: #"{"RegionName":"af-south-1"}"#)
        try checkAllowedCall(
            rule, "DisableRegion", source: "account.amazonaws.com", request: #"{"RegionName":"af-south-1"}"#)
    }

    @Test func excessiveSuccessfulDiscoveryEvents() throws {
        let rule = try RulePredicate("aws_excessive_successful_discovery_events")
        try check(
            rule,
            positive: Record.call(
                "ListUsers", source: "iam.amazonaws.com", request: #"{"maxItems":100}"#, readOnly: true),
            nearMiss: Record.call(
                "ListUsers", source: "iam.amazonaws.com", request: #"{"maxItems":100}"#, error: "AccessDenied",
                readOnly: true))
    }

    @Test func guardDutyDisabled() throws {
        let rule = try RulePredicate("aws_guardduty_disabled")
        try check(
            rule,
            positive: Record.call(
                "UpdateDetector", source: "guardduty.amazonaws.com",
                request: #"{"detectorId":"12abc34d567e8fa901bc2d34e56789f0","enable":false}"#),
            nearMiss: Record.call(
                "UpdateDetector", source: "guardduty.amazonaws.com",
                request: #"{"detectorId":"12abc34d567e8fa901bc2d34e56789f0","enable":true}"#))
        try checkAllowedCall(
            rule, "DeleteDetector", source: "guardduty.amazonaws.com",
            request: #"{"detectorId":"12abc34d567e8fa901bc2d34e56789f0"}"#)
    }

    @Test func guardDutyPublishingDestinationDeleted() throws {
        let rule = try RulePredicate("aws_guardduty_publishing_destination_deleted")
        try checkAllowedCall(
            rule, "DeletePublishingDestination", source: "guardduty.amazonaws.com",
            request:
                #"{"detectorId":"12abc34d567e8fa901bc2d34e56789f0","destinationId":"a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d"}"#
        )
    }

    @Test func guardDutyTrustedOrThreatIPListsTampered() throws {
        let rule = try RulePredicate("aws_guardduty_trusted_or_threat_ip_lists_tampered")
        try check(
            rule,
            positive: Record.call(
                "UpdateIPSet", source: "guardduty.amazonaws.com",
                request:
                    #"{"detectorId":"12abc34d567e8fa901bc2d34e56789f0","ipSetId":"0cb0141ab9fbde177613ab9436212e90","activate":false}"#
            ),
            nearMiss: Record.call(
                "UpdateIPSet", source: "guardduty.amazonaws.com",
                request:
                    #"{"detectorId":"12abc34d567e8fa901bc2d34e56789f0","ipSetId":"0cb0141ab9fbde177613ab9436212e90","activate":true}"#
            ))
        try checkAllowedCall(
            rule, "DeleteThreatIntelSet", source: "guardduty.amazonaws.com",
            request:
                #"{"detectorId":"12abc34d567e8fa901bc2d34e56789f0","threatIntelSetId":"3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f"}"#
        )
    }

    @Test func highNumberOfUnknownUserAuthenticationAttempts() throws {
        let rule = try RulePredicate("aws_high_number_of_unknown_user_authentication_attempts")
        let unknown =
            #"{"type":"IAMUser","principalId":"111122223333","accountId":"111122223333","accessKeyId":"","userName":"HIDDEN_DUE_TO_SECURITY_REASONS"}"#
        try check(
            rule, positive: Record.consoleLogin(identity: unknown, failure: "No username found in supplied account"),
            nearMiss: Record.consoleLogin(failure: "Failed authentication"))
    }

    @Test func iamAccessAnalyzerDeleted() throws {
        let rule = try RulePredicate("aws_iam_access_analyzer_deleted")
        try checkAllowedCall(
            rule, "DeleteAnalyzer", source: "access-analyzer.amazonaws.com",
            request: #"{"analyzerName":"ConsoleAnalyzer-account"}"#)
    }

    @Test func iamAccessDeniedDiscoveryEvents() throws {
        let rule = try RulePredicate("aws_iam_access_denied_discovery_events")
        try check(
            rule,
            positive: Record.call(
                "ListRoles", source: "iam.amazonaws.com", request: #"{"maxItems":100}"#, error: "AccessDenied",
                readOnly: true),
            nearMiss: Record.call(
                "ListRoles", source: "iam.amazonaws.com", request: #"{"maxItems":100}"#, readOnly: true))
    }

    @Test func iamActivityByS3BrowserUtility() throws {
        let rule = try RulePredicate("aws_iam_activity_by_s3_browser_utility")
        let request = #"{"userName":"backup-operator"}"#
        try check(
            rule,
            positive: Record.call(
                "CreateAccessKey", source: "iam.amazonaws.com", request: request,
                userAgent: "S3 Browser 11.5.7 https://s3browser.com"),
            nearMiss: Record.call("CreateAccessKey", source: "iam.amazonaws.com", request: request))
    }

    @Test func iamActivityFromEC2Instance() throws {
        let rule = try RulePredicate("aws_iam_activity_from_ec2_instance")
        let request = #"{"userName":"svc-backdoor"}"#
        try check(
            rule,
            positive: Record.call(
                "CreateUser", source: "iam.amazonaws.com", request: request,
                identity: Record.instanceRole("i-0abc123def4567890")),
            nearMiss: Record.call(
                "CreateUser", source: "iam.amazonaws.com", request: request,
                identity: Record.instanceRole("i-0abc123def4567890"), error: "AccessDenied"))
    }

    private func attachPolicy(_ name: String, policy: String, error: String? = nil) -> String {
        let who =
            name == "AttachRolePolicy"
            ? #""roleName":"WebServerRole""#
            : name == "AttachGroupPolicy" ? #""groupName":"Developers""# : #""userName":"bob""#
        return Record.call(
            name, source: "iam.amazonaws.com", request: #"{\#(who),"policyArn":"\#(policy)"}"#, error: error)
    }

    @Test func administratorAccessPolicyAttached() throws {
        let rule = try RulePredicate("aws_iam_administrator_access_policy_attached")
        for call in ["AttachUserPolicy", "AttachGroupPolicy", "AttachRolePolicy"] {
            try check(
                rule, positive: attachPolicy(call, policy: "arn:aws:iam::aws:policy/AdministratorAccess"),
                nearMiss: attachPolicy(call, policy: "arn:aws:iam::aws:policy/ReadOnlyAccess"))
        }
    }

    @Test func compromisedKeyQuarantinePolicyAttached() throws {
        let rule = try RulePredicate("aws_iam_compromised_key_quarantine_policy_attached")
        try check(
            rule,
            positive: attachPolicy("AttachUserPolicy", policy: "arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV2"),
            nearMiss: attachPolicy(
                "AttachUserPolicy", policy: "arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV2",
                error: "AccessDenied"))
    }

    @Test func kmsKeyDisabledOrScheduledForDeletion() throws {
        let rule = try RulePredicate("aws_kms_key_disabled_or_scheduled_for_deletion")
        try checkAllowedCall(
            rule, "ScheduleKeyDeletion", source: "kms.amazonaws.com",
            request: #"{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","pendingWindowInDays":7}"#,
            response:
                #"{"keyId":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab","deletionDate":"Mar 21, 2026, 12:00:00 AM","keyState":"PendingDeletion","pendingWindowInDays":7}"#
        )
        try checkAllowedCall(
            rule, "DisableKey", source: "kms.amazonaws.com",
            request: #"{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab"}"#)
    }

    @Test func lambdaUpdateFunctionCode() throws {
        let rule = try RulePredicate("aws_lambda_update_function_code")
        try checkAllowedCall(
            rule, "UpdateFunctionCode20150331v2", source: "lambda.amazonaws.com",
            request: #"{"functionName":"payments-handler","publish":false,"dryRun":false}"#)
    }

    @Test func lateralMovementUsingIAMSessionToken() throws {
        // $accesskey: the GetSessionToken call; $latmove: any later call made with a key, joined on that key.
        let accessKey = try RulePredicate("aws_lateral_movement_using_iam_session_token", variable: "accesskey")
        let lateralMove = try RulePredicate("aws_lateral_movement_using_iam_session_token", variable: "latmove")
        let issued =
            #"{"credentials":{"accessKeyId":"ASIAEXAMPLESESSION01","sessionToken":"<sensitiveDataRemoved>","expiration":"Mar 14, 2026, 10:00:00 PM"}}"#
        try check(
            accessKey,
            positive: Record.call(
                "GetSessionToken", source: "sts.amazonaws.com", request: #"{"durationSeconds":43200}"#,
                response: issued, readOnly: true),
            nearMiss: Record.call(
                "GetSessionToken", source: "sts.amazonaws.com", request: #"{"durationSeconds":43200}"#,
                error: "AccessDenied", readOnly: true))
        let token = try Record.googleSecOps(
            Record.call("GetSessionToken", source: "sts.amazonaws.com", response: issued, readOnly: true))
        #expect(token.values("target.resource.product_object_id") == ["ASIAEXAMPLESESSION01"])
        let laterCall =
            #"{"type":"IAMUser","principalId":"AIDAEXAMPLEALICE01234","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"ASIAEXAMPLESESSION01","userName":"alice"}"#
        let move = try Record.googleSecOps(
            Record.call(
                "ListBuckets", source: "s3.amazonaws.com", identity: laterCall, readOnly: true, sourceIP: "192.0.2.99"))
        #expect(lateralMove(move))
        #expect(
            move.additional("accessKeyId") == token.values("target.resource.product_object_id"),
            "the join: the key issued is the key used")
        let noKey = #"{"type":"AWSService","invokedBy":"cloudtrail.amazonaws.com"}"#
        #expect(
            !lateralMove(
                try Record.googleSecOps(
                    Record.call("ListBuckets", source: "s3.amazonaws.com", identity: noKey, readOnly: true))))
    }

    @Test func multiFactorAuthenticationDisabled() throws {
        let rule = try RulePredicate("aws_multi_factor_authentication_disabled")
        try checkAllowedCall(
            rule, "DeactivateMFADevice", source: "iam.amazonaws.com",
            request: #"{"userName":"bob","serialNumber":"arn:aws:iam::111122223333:mfa/bob"}"#)
    }

    @Test func newMFAMethodRegisteredForUser() throws {
        let rule = try RulePredicate("aws_new_mfa_method_registered_for_user")
        try checkAllowedCall(
            rule, "EnableMFADevice", source: "iam.amazonaws.com",
            request: #"{"userName":"bob","serialNumber":"arn:aws:iam::111122223333:mfa/bob"}"#)
    }

    @Test func passwordPolicyChange() throws {
        let rule = try RulePredicate("aws_password_policy_change")
        try checkAllowedCall(
            rule, "UpdateAccountPasswordPolicy", source: "iam.amazonaws.com",
            request: #"{"minimumPasswordLength":8,"requireSymbols":false,"requireNumbers":false}"#)
    }

    @Test func privilegeEscalationUsingIAMAccessKey() throws {
        // $accesskey: someone creates a key for another user; the join with later use of that key is the SIEM's.
        let accessKey = try RulePredicate("aws_privilege_escalation_using_iam_access_key", variable: "accesskey")
        let created =
            #"{"accessKey":{"userName":"bob","accessKeyId":"AKIAEXAMPLEBOB012345","status":"Active","createDate":"Mar 14, 2026, 10:00:00 AM"}}"#
        let ownKey =
            #"{"accessKey":{"userName":"alice","accessKeyId":"AKIAEXAMPLEALICE9876","status":"Active","createDate":"Mar 14, 2026, 10:00:00 AM"}}"#
        try check(
            accessKey,
            positive: Record.call(
                "CreateAccessKey", source: "iam.amazonaws.com", request: #"{"userName":"bob"}"#, response: created),
            nearMiss: Record.call("CreateAccessKey", source: "iam.amazonaws.com", response: ownKey))
        let event = try Record.googleSecOps(
            Record.call(
                "CreateAccessKey", source: "iam.amazonaws.com", request: #"{"userName":"bob"}"#, response: created))
        #expect(
            event.values("target.resource.product_object_id") == ["AKIAEXAMPLEBOB012345"],
            "joined with the later call's additional.accessKeyId")
    }

    @Test func privilegeEscalationUsingIAMLoginProfile() throws {
        let profile = try RulePredicate("aws_privilege_escalation_using_iam_login_profile", variable: "profile")
        let login = try RulePredicate("aws_privilege_escalation_using_iam_login_profile", variable: "login")
        try check(
            profile,
            positive: Record.call(
                "CreateLoginProfile", source: "iam.amazonaws.com",
                request: #"{"userName":"bob","passwordResetRequired":false}"#),
            nearMiss: Record.call(
                "UpdateLoginProfile", source: "iam.amazonaws.com",
                request: #"{"userName":"alice","passwordResetRequired":false}"#))
        let bob =
            #"{"type":"IAMUser","principalId":"AIDAEXAMPLEBOB0123456","arn":"arn:aws:iam::111122223333:user/bob","accountId":"111122223333","userName":"bob"}"#
        try check(
            login, positive: Record.consoleLogin(identity: bob),
            nearMiss: Record.consoleLogin(identity: bob, failure: "Failed authentication"))
        let created = try Record.googleSecOps(
            Record.call(
                "CreateLoginProfile", source: "iam.amazonaws.com",
                request: #"{"userName":"bob","passwordResetRequired":false}"#))
        let signIn = try Record.googleSecOps(Record.consoleLogin(identity: bob))
        #expect(
            signIn.values("target.user.user_display_name") == created.values("target.user.userid"),
            "the join: the user given a password signs in")
    }

    @Test func rdsSnapshotSharedPublicly() throws {
        let rule = try RulePredicate("aws_rds_snapshot_shared_publicly")
        func share(_ with: String) -> String {
            Record.call(
                "ModifyDBSnapshotAttribute", source: "rds.amazonaws.com",
                request:
                    #"{"dBSnapshotIdentifier":"payments-2026-03-14","attributeName":"restore","valuesToAdd":["\#(with)"]}"#
            )
        }
        try check(rule, positive: share("all"), nearMiss: share("444455556666"))
    }

    @Test func s3MadePublicByACL() throws {
        let rule = try RulePredicate("aws_s3_made_public_by_acl")
        func acl(_ grants: String) -> String {
            Record.call(
                "PutBucketAcl", source: "s3.amazonaws.com",
                request:
                    #"{"bucketName":"company-reports","Host":"company-reports.s3.amazonaws.com","acl":"","AccessControlPolicy":{"AccessControlList":{"Grant":\#(grants)},"xmlns":"http://s3.amazonaws.com/doc/2006-03-01/","Owner":{"ID":"d25639fbe9c19cd30a4c0f43fbf00e2d3f96400a9aa8dabfbbebe1906Example"}}}"#
            )
        }
        let owner =
            #"{"Grantee":{"xsi:type":"CanonicalUser","xmlns:xsi":"http://www.w3.org/2001/XMLSchema-instance","ID":"d25639fbe9c19cd30a4c0f43fbf00e2d3f96400a9aa8dabfbbebe1906Example"},"Permission":"FULL_CONTROL"}"#
        let everyone =
            #"{"Grantee":{"xsi:type":"Group","xmlns:xsi":"http://www.w3.org/2001/XMLSchema-instance","URI":"http://acs.amazonaws.com/groups/global/AllUsers"},"Permission":"READ"}"#
        let logDelivery =
            #"{"Grantee":{"xsi:type":"Group","xmlns:xsi":"http://www.w3.org/2001/XMLSchema-instance","URI":"http://acs.amazonaws.com/groups/s3/LogDelivery"},"Permission":"WRITE"}"#
        try check(rule, positive: acl("[\(owner),\(everyone)]"), nearMiss: acl("[\(owner),\(logDelivery)]"))
        // One grant: CloudTrail writes an object, not an array.
        try check(rule, positive: acl(everyone), nearMiss: acl(owner))
    }

    @Test func s3PublicAccessBlockRemoved() throws {
        let rule = try RulePredicate("aws_s3_public_access_block_removed")
        func put(_ value: Bool) -> String {
            Record.call(
                "PutBucketPublicAccessBlock", source: "s3.amazonaws.com",
                request:
                    #"{"publicAccessBlock":"","bucketName":"company-reports","Host":"company-reports.s3.amazonaws.com","PublicAccessBlockConfiguration":{"xmlns":"http://s3.amazonaws.com/doc/2006-03-01/","RestrictPublicBuckets":\#(value),"BlockPublicPolicy":\#(value),"BlockPublicAcls":\#(value),"IgnorePublicAcls":\#(value)}}"#
            )
        }
        try check(rule, positive: put(true), nearMiss: put(false))
        try checkAllowedCall(
            rule, "DeleteBucketPublicAccessBlock", source: "s3.amazonaws.com",
            request:
                #"{"publicAccessBlock":"","bucketName":"company-reports","Host":"company-reports.s3.amazonaws.com"}"#)
    }

    @Test func samlIdentityProviderChanges() throws {
        let rule = try RulePredicate("aws_saml_identity_provider_changes")
        try checkAllowedCall(
            rule, "UpdateSAMLProvider", source: "iam.amazonaws.com",
            request:
                #"{"sAMLMetadataDocument":"<sensitiveDataRemoved>","sAMLProviderArn":"arn:aws:iam::111122223333:saml-provider/Okta"}"#,
            response: #"{"sAMLProviderArn":"arn:aws:iam::111122223333:saml-provider/Okta"}"#)
    }

    @Test func securityGroupOpenToWorld() throws {
        let rule = try RulePredicate("aws_security_group_open_to_world")
        func ingress(_ ranges: String) -> String {
            Record.call(
                "AuthorizeSecurityGroupIngress", source: "ec2.amazonaws.com",
                request:
                    #"{"groupId":"sg-0a1b2c3d4e5f67890","ipPermissions":{"items":[{"ipProtocol":"tcp","fromPort":22,"toPort":22,"groups":{},"ipRanges":{"items":[\#(ranges)]},"ipv6Ranges":{},"prefixListIds":{}}]}}"#,
                response: #"{"requestId":"4f2a0b1c-1234-4cde-9f00-abcdef012345","_return":true}"#)
        }
        try check(
            rule, positive: ingress(#"{"cidrIp":"10.0.0.0/8"},{"cidrIp":"0.0.0.0/0"}"#),
            nearMiss: ingress(#"{"cidrIp":"10.0.0.0/8"}"#))
    }

    @Test func sesServiceModification() throws {
        let rule = try RulePredicate("aws_ses_service_modification")
        try check(
            rule,
            positive: Record.call(
                "UpdateAccountSendingEnabled", source: "ses.amazonaws.com", request: #"{"enabled":true}"#),
            nearMiss: Record.call(
                "UpdateAccountSendingEnabled", source: "ses.amazonaws.com", request: #"{"enabled":false}"#))
        try check(
            rule,
            positive: Record.call(
                "PutAccountSendingAttributes", source: "ses.amazonaws.com", request: #"{"sendingEnabled":true}"#),
            nearMiss: Record.call(
                "PutAccountSendingAttributes", source: "ses.amazonaws.com", request: #"{"sendingEnabled":false}"#))
        try checkAllowedCall(
            rule, "VerifyEmailIdentity", source: "ses.amazonaws.com",
            request: #"{"emailAddress":"billing@example.com"}"#)
    }

    @Test func successfulAPIFromTorExitNode() throws {
        // The Tor exit node feed ($gcti_feed, an entity-graph variable) as context data.
        let exitNode =
            #"{"metadata":{"entity_type":"IP_ADDRESS","product_name":"GCTI Feed","source_type":"GLOBAL_CONTEXT","threat":[{"threat_feed_name":"Tor Exit Nodes"}]},"entity":{"artifact":{"ip":"185.220.101.1"}}}"#
        let rule = try RulePredicate("aws_successful_api_from_tor_exit_node", context: [exitNode])
        try check(
            rule,
            positive: Record.call("ListBuckets", source: "s3.amazonaws.com", readOnly: true, sourceIP: "185.220.101.1"),
            nearMiss: Record.call(
                "ListBuckets", source: "s3.amazonaws.com", error: "AccessDenied", readOnly: true,
                sourceIP: "185.220.101.1"))
    }

    @Test func successfulConsoleAuthenticationFromMultipleIPs() throws {
        let rule = try RulePredicate("aws_successful_console_authentication_from_multiple_ips")
        try check(
            rule, positive: Record.consoleLogin(), nearMiss: Record.consoleLogin(failure: "Failed authentication"))
        let root = try Record.googleSecOps(Record.consoleLogin(identity: Record.root))
        #expect(
            rule(root) && root.values("target.user.user_display_name") == ["Root"],
            "the root user signs in under its display name")
    }

    @Test func successfulLoginAfterMultipleFailedAttempts() throws {
        let failed = try RulePredicate("aws_successful_login_after_multiple_failed_attempts", variable: "fail")
        let succeeded = try RulePredicate("aws_successful_login_after_multiple_failed_attempts", variable: "success")
        try check(
            failed, positive: Record.consoleLogin(failure: "Failed authentication"), nearMiss: Record.consoleLogin())
        try check(
            succeeded, positive: Record.consoleLogin(), nearMiss: Record.consoleLogin(failure: "Failed authentication"))
    }

    @Test func unusualNumberOfFailedAuthenticationsFromTheSameIP() throws {
        let rule = try RulePredicate("aws_unusual_number_of_failed_authentications_from_the_same_ip")
        try check(
            rule, positive: Record.consoleLogin(failure: "Failed authentication"), nearMiss: Record.consoleLogin())
    }

    @Test func userCreatesPermanentAccessKey() throws {
        let rule = try RulePredicate("aws_user_creates_permanent_access_key")
        try checkAllowedCall(
            rule, "CreateAccessKey", source: "iam.amazonaws.com", request: #"{"userName":"bob"}"#,
            response:
                #"{"accessKey":{"userName":"bob","accessKeyId":"AKIAEXAMPLEBOB012345","status":"Active","createDate":"Mar 14, 2026, 10:00:00 AM"}}"#
        )
    }

    /// Every rule of the folder has its test above (46), so a rule Google adds is noticed.
    @Test func everyCloudTrailRuleIsCovered() throws {
        let folder = RuleTestSupport.rulesDirectory.appendingPathComponent("cloudtrail")
        let rules = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaral") }
        #expect(rules.count == 46, "Google's CloudTrail rule set changed: add a test per new rule")
    }

    /// The reference profile writes the parser reference's product name, which no Google rule selects.
    @Test func referenceProfileIsNotWhatTheRulesRead() throws {
        let record = Record.call("CreateAccessKey", source: "iam.amazonaws.com", request: #"{"userName":"bob"}"#)
        let reference = try Record.normalized(record, with: Normalizer())
        #expect(reference.values("metadata.product_name") == ["AWS_CLOUDTRAIL"])
        let rule = try RulePredicate("aws_user_creates_permanent_access_key")
        #expect(!rule(reference) && !rule.fires(reference))
        #expect(rule.fires(try Record.googleSecOps(record)))
    }
}

import Foundation

/// A deterministic, realistic benchmark corpus: CloudTrail events (~1.5 KB each, a mix of
/// services, identities, errors and nested parameters) or GuardDuty findings (~4 KB), written as
/// NDJSON. The same seed gives the same bytes, so runs compare.
struct BenchmarkCorpus {
    enum Kind: String { case cloudtrail, guardduty }

    /// SplitMix64: small, fast and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func hex(_ count: Int) -> String {
            String(
                (0..<count).map { _ in "0123456789abcdef"[String.Index(utf16Offset: below(16), in: "0123456789abcdef")]
                })
        }
    }

    static let calls: [(source: String, name: String, readOnly: Bool)] = [
        ("ec2.amazonaws.com", "DescribeInstances", true), ("ec2.amazonaws.com", "RunInstances", false),
        ("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", false),
        ("ec2.amazonaws.com", "DescribeSecurityGroups", true),
        ("s3.amazonaws.com", "GetObject", true), ("s3.amazonaws.com", "PutObject", false),
        ("s3.amazonaws.com", "ListBuckets", true),
        ("iam.amazonaws.com", "CreateUser", false), ("iam.amazonaws.com", "AttachRolePolicy", false),
        ("iam.amazonaws.com", "ListRoles", true),
        ("sts.amazonaws.com", "AssumeRole", true), ("sts.amazonaws.com", "GetCallerIdentity", true),
        ("kms.amazonaws.com", "Decrypt", true), ("kms.amazonaws.com", "GenerateDataKey", true),
        ("signin.amazonaws.com", "ConsoleLogin", false), ("lambda.amazonaws.com", "Invoke", false),
        ("secretsmanager.amazonaws.com", "GetSecretValue", true), ("cloudtrail.amazonaws.com", "DescribeTrails", true),
        ("logs.amazonaws.com", "CreateLogGroup", false), ("dynamodb.amazonaws.com", "Query", true),
    ]

    static let agents = [
        "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5.0-1016-aws md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard",
        "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213-201.855.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
        "APN/1.0 HashiCorp/1.0 Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-aws/5.40.0 aws-sdk-go-v2/1.25.3",
        "s3.amazonaws.com", "ec2.amazonaws.com",
    ]

    /// Writes `events` records to `path`; returns the bytes written.
    static func write(_ kind: Kind, events: Int, to path: String, seed: UInt64 = 42) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw UsageError(message: "cannot write the benchmark corpus to \(path)")
        }
        defer { try? handle.close() }
        var random = Random(state: seed)
        var buffer = ""
        var total = 0
        for index in 0..<events {
            buffer += kind == .cloudtrail ? cloudTrailEvent(index, &random) : guardDutyFinding(index, &random)
            buffer += "\n"
            if buffer.utf8.count > 1 << 20 {
                total += buffer.utf8.count
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        total += buffer.utf8.count
        handle.write(Data(buffer.utf8))
        return total
    }

    static func timestamp(_ index: Int, _ random: inout Random) -> String {
        let seconds = 1_773_000_000 + index * 3 + random.below(3)
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func cloudTrailEvent(_ index: Int, _ random: inout Random) -> String {
        let call = random.pick(calls)
        let account = String(100_000_000_000 + random.below(8) * 111_111_111)
        let user = random.pick(["alice", "bob", "deploy-bot", "carol.smith", "etl-runner"])
        let identity: String
        switch random.below(10) {
        case 0..<4:
            identity =
                #"{"type":"IAMUser","principalId":"AIDA\#(random.hex(16).uppercased())","arn":"arn:aws:iam::\#(account):user/\#(user)","accountId":"\#(account)","accessKeyId":"AKIA\#(random.hex(16).uppercased())","userName":"\#(user)"}"#
        case 4..<8:
            let role = random.pick([
                "AWSReservedSSO_AdministratorAccess_5c1e2f3a4b6d7e8f", "analytics-etl", "DeployRole", "ReadOnlyAuditor",
            ])
            identity =
                #"{"type":"AssumedRole","principalId":"AROA\#(random.hex(16).uppercased()):\#(user)","arn":"arn:aws:sts::\#(account):assumed-role/\#(role)/\#(user)","accountId":"\#(account)","accessKeyId":"ASIA\#(random.hex(16).uppercased())","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROA\#(random.hex(16).uppercased())","arn":"arn:aws:iam::\#(account):role/\#(role)","accountId":"\#(account)","userName":"\#(role)"},"webIdFederationData":{},"attributes":{"creationDate":"\#(timestamp(index - 300, &random))","mfaAuthenticated":"\#(random.below(2) == 0)"}}}"#
        case 8:
            identity =
                #"{"type":"AWSService","invokedBy":"\#(random.pick(["s3.amazonaws.com", "lambda.amazonaws.com", "cloudformation.amazonaws.com"]))"}"#
        default:
            identity =
                #"{"type":"Root","principalId":"\#(account)","arn":"arn:aws:iam::\#(account):root","accountId":"\#(account)"}"#
        }
        let ip =
            random.below(5) == 0
            ? random.pick(calls).source
            : "\(random.pick([192, 198, 203])).\(random.below(256)).\(random.below(256)).\(random.below(256))"
        let failed = random.below(10) == 0
        let error =
            failed
            ? #","errorCode":"AccessDenied","errorMessage":"User: arn:aws:iam::\#(account):user/\#(user) is not authorized to perform: \#(call.source.prefix { $0 != "." }):\#(call.name)""#
            : ""
        let instance = "i-0\(random.hex(16))"
        let parameters =
            #"{"instancesSet":{"items":[{"instanceId":"\#(instance)"}]},"filterSet":{"items":[{"name":"tag:Environment","valueSet":{"items":[{"value":"\#(random.pick(["prod", "staging", "dev"]))"}]}}]},"maxResults":\#(random.below(1000)),"bucketName":"example-\#(random.hex(6))","key":"exports/2026/03/\#(random.hex(12)).parquet"}"#
        let response =
            call.readOnly || failed
            ? "null"
            : #"{"requestId":"\#(random.hex(8))-\#(random.hex(4))-\#(random.hex(4))-\#(random.hex(12))","instancesSet":{"items":[{"instanceId":"\#(instance)","currentState":{"code":16,"name":"running"},"previousState":{"code":0,"name":"pending"}}]}}"#
        let resources =
            call.source == "s3.amazonaws.com"
            ? #","resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::example-bucket/\#(random.hex(10))"},{"accountId":"\#(account)","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::example-bucket"}]"#
            : ""
        let login =
            call.name == "ConsoleLogin"
            ? #","additionalEventData":{"LoginTo":"https://console.aws.amazon.com/console/home","MobileVersion":"No","MFAUsed":"\#(random.pick(["Yes", "No"]))"}"#
            : ""
        return
            #"{"eventVersion":"1.09","userIdentity":\#(identity),"eventTime":"\#(timestamp(index, &random))","eventSource":"\#(call.source)","eventName":"\#(call.name)","awsRegion":"\#(random.pick(["us-east-1", "eu-west-1", "ap-southeast-2"]))","sourceIPAddress":"\#(ip)","userAgent":"\#(random.pick(agents))"\#(error),"requestParameters":\#(parameters),"responseElements":\#(response)\#(login),"requestID":"\#(random.hex(8))-\#(random.hex(4))-\#(random.hex(4))-\#(random.hex(4))-\#(random.hex(12))","eventID":"\#(random.hex(8))-\#(random.hex(4))-\#(random.hex(4))-\#(random.hex(4))-\#(random.hex(12))","readOnly":\#(call.readOnly)\#(resources),"eventType":"\#(call.name == "ConsoleLogin" ? "AwsConsoleSignIn" : "AwsApiCall")","managementEvent":true,"recipientAccountId":"\#(account)","eventCategory":"Management","tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"\#(call.source)"}}"#
    }

    /// Two GuardDuty findings written for the project's samples, varied by id, time, severity and addresses.
    static let findingTemplates = [
        ##"{"schemaVersion":"2.0","accountId":"111122223333","region":"us-east-1","partition":"aws","id":"a4c8e1f2b3d54e6f8a9b0c1d2e3f4a5b","arn":"arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0/finding/a4c8e1f2b3d54e6f8a9b0c1d2e3f4a5b","type":"UnauthorizedAccess:EC2/SSHBruteForce","severity":2,"createdAt":"2026-03-02T08:15:40.512Z","updatedAt":"2026-03-02T09:47:12.208Z","title":"198.51.100.23 is performing SSH brute force attacks against i-0a1b2c3d4e5f60718.","description":"198.51.100.23 is performing SSH brute force attacks against i-0a1b2c3d4e5f60718. Brute force attacks are used to gain unauthorized access to your instance by guessing the SSH password.","resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0a1b2c3d4e5f60718","instanceType":"t3.medium","instanceState":"running","availabilityZone":"us-east-1a","imageId":"ami-0abcdef1234567890","imageDescription":"Amazon Linux 2023 AMI 2023.6.20250303.0 x86_64 HVM kernel-6.1","launchTime":"2026-02-18T14:03:22.000Z","platform":"linux","iamInstanceProfile":{"arn":"arn:aws:iam::111122223333:instance-profile/web-frontend-role","id":"AIPAEXAMPLEPROFILE01"},"networkInterfaces":[{"networkInterfaceId":"eni-0f1e2d3c4b5a69788","subnetId":"subnet-0123abcd4567ef890","vpcId":"vpc-0a9b8c7d6e5f40312","privateDnsName":"ip-10-20-3-41.ec2.internal","privateIpAddress":"10.20.3.41","privateIpAddresses":[{"privateDnsName":"ip-10-20-3-41.ec2.internal","privateIpAddress":"10.20.3.41"}],"publicDnsName":"ec2-203-0-113-24.compute-1.amazonaws.com","publicIp":"203.0.113.24","ipv6Addresses":[],"securityGroups":[{"groupId":"sg-0123456789abcdef0","groupName":"web-frontend-sg"}]}],"productCodes":[],"outpostArn":null,"tags":[{"key":"Name","value":"web-frontend-1"},{"key":"Environment","value":"production"}]}},"service":{"serviceName":"guardduty","detectorId":"12abc34d567e8fa901bc2d34e56789f0","action":{"actionType":"NETWORK_CONNECTION","networkConnectionAction":{"connectionDirection":"INBOUND","blocked":false,"protocol":"TCP","localPortDetails":{"port":22,"portName":"SSH"},"localIpDetails":{"ipAddressV4":"10.20.3.41"},"remotePortDetails":{"port":51812,"portName":"Unknown"},"remoteIpDetails":{"ipAddressV4":"198.51.100.23","city":{"cityName":"Frankfurt am Main"},"country":{"countryCode":"DE","countryName":"Germany"},"geoLocation":{"lat":50.1109,"lon":8.6821},"organization":{"asn":"64496","asnOrg":"EXAMPLE-AS-64496","isp":"Example Hosting GmbH","org":"Example Hosting GmbH"}}}},"resourceRole":"TARGET","additionalInfo":{},"eventFirstSeen":"2026-03-02T08:02:11.000Z","eventLastSeen":"2026-03-02T09:41:57.000Z","archived":false,"count":118,"featureName":"FlowLogs"}}"##,
        ##"{"schemaVersion":"2.0","accountId":"111122223333","region":"us-east-1","partition":"aws","id":"d7f1b4c5e6a87b9c1d2e3f4a5b6c7d8e","arn":"arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0/finding/d7f1b4c5e6a87b9c1d2e3f4a5b6c7d8e","type":"UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS","severity":8,"createdAt":"2026-03-02T08:15:40.512Z","updatedAt":"2026-03-02T09:47:12.208Z","title":"Credentials for the EC2 instance role web-frontend-role used from a remote AWS account.","description":"Credentials that were created exclusively for an EC2 instance using instance role web-frontend-role have been used from external IP address 192.0.2.55.","resource":{"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":"ASIAEXAMPLEKEY7QWERT","principalId":"AROAEXAMPLEROLEID123:i-0a1b2c3d4e5f60718","userName":"web-frontend-role","userType":"AssumedRole"},"instanceDetails":{"instanceId":"i-0a1b2c3d4e5f60718","instanceType":"t3.medium","instanceState":"running","availabilityZone":"us-east-1a","imageId":"ami-0abcdef1234567890","imageDescription":"Amazon Linux 2023 AMI 2023.6.20250303.0 x86_64 HVM kernel-6.1","launchTime":"2026-02-18T14:03:22.000Z","platform":"linux","iamInstanceProfile":{"arn":"arn:aws:iam::111122223333:instance-profile/web-frontend-role","id":"AIPAEXAMPLEPROFILE01"},"networkInterfaces":[{"networkInterfaceId":"eni-0f1e2d3c4b5a69788","subnetId":"subnet-0123abcd4567ef890","vpcId":"vpc-0a9b8c7d6e5f40312","privateDnsName":"ip-10-20-3-41.ec2.internal","privateIpAddress":"10.20.3.41","privateIpAddresses":[{"privateDnsName":"ip-10-20-3-41.ec2.internal","privateIpAddress":"10.20.3.41"}],"publicDnsName":"ec2-203-0-113-24.compute-1.amazonaws.com","publicIp":"203.0.113.24","ipv6Addresses":[],"securityGroups":[{"groupId":"sg-0123456789abcdef0","groupName":"web-frontend-sg"}]}],"productCodes":[],"outpostArn":null,"tags":[{"key":"Name","value":"web-frontend-1"},{"key":"Environment","value":"production"}]}},"service":{"serviceName":"guardduty","detectorId":"12abc34d567e8fa901bc2d34e56789f0","action":{"actionType":"AWS_API_CALL","awsApiCallAction":{"api":"ListBuckets","serviceName":"s3.amazonaws.com","callerType":"Remote IP","userAgent":"aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22","remoteIpDetails":{"ipAddressV4":"192.0.2.55","city":{"cityName":"Singapore"},"country":{"countryCode":"SG","countryName":"Singapore"},"geoLocation":{"lat":1.2897,"lon":103.8501},"organization":{"asn":"64502","asnOrg":"EXAMPLE-AS-64502","isp":"Example Networks Pte Ltd","org":"Example Networks Pte Ltd"}},"affectedResources":{}}},"resourceRole":"TARGET","additionalInfo":{},"eventFirstSeen":"2026-03-02T08:02:11.000Z","eventLastSeen":"2026-03-02T09:41:57.000Z","archived":false,"count":2,"featureName":"CloudTrail"}}"##,
    ]

    static func guardDutyFinding(_ index: Int, _ random: inout Random) -> String {
        var text = findingTemplates[index % findingTemplates.count]
        let id = random.hex(32)
        let severity = String(Double(random.below(90) + 10) / 10)
        text = text.replacingOccurrences(of: "a4c8e1f2b3d54e6f8a9b0c1d2e3f4a5b", with: id)
        text = text.replacingOccurrences(of: "\"severity\":2", with: "\"severity\":\(severity)")
        text = text.replacingOccurrences(of: "198.51.100.23", with: "198.51.\(random.below(256)).\(random.below(256))")
        text = text.replacingOccurrences(of: "2026-03-02T09:47:12.208Z", with: timestamp(index, &random))
        // Pad with resource tags to the ~4 KB of a typical finding.
        let tags = (0..<12).map { #"{"key":"team-\#($0)","value":"\#(random.hex(40))"}"# }.joined(separator: ",")
        return String(text.dropLast()) + #","benchmarkTags":[\#(tags)]}"#
    }
}

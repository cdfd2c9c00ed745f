import ArgumentParser
import Foundation
import Procurement
import Server
import Storage
import WebUI

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage users, API tokens and web sign-in.",
        subcommands: [Add.self, Token.self, WebAccess.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user to an organisation and print a first API token.")

        @OptionGroup var data: DataOptions
        @Option(help: "Organisation id.") var organization: String
        @Option(help: "Full name.") var name: String
        @Option(help: "Email address (unique).") var email: String
        @Option(parsing: .upToNextOption, help: "Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: [String]
        @Option(help: "Personal clearance: \(Classification.allCases.map(\.rawValue).joined(separator: ", ")).")
        var clearance: String = "unclassified"

        func run() async throws {
            let roles = try role.map { name in
                guard let role = Role(rawValue: name) else { throw ValidationError("unknown role \(name)") }
                return role
            }
            guard let level = Classification(rawValue: clearance) else { throw ValidationError("unknown clearance \(clearance)") }
            guard !roles.isEmpty else { throw ValidationError("give at least one --role") }
            let user = User(
                id: UserID(UUID().uuidString.lowercased()),
                organizationID: OrganizationID(organization),
                name: name,
                roles: Set(roles),
                clearance: level
            )
            let token = APIToken.generate()
            do {
                try await Store.with(data) { database in
                    let identity = IdentityStore(database: database)
                    try await identity.addUser(user, email: email, at: Date())
                    try await identity.addToken(hash: APIToken.hash(token), user: user.id, label: "cli", at: Date())
                }
            } catch let error as DomainError {
                throw ValidationError(error.message)
            }
            print("user \(user.id)\ntoken \(token)")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a new API token for a user (by email).")

        @OptionGroup var data: DataOptions
        @Option(help: "The user's email.") var email: String
        @Option(help: "A label to recognise the token by.") var label: String = "cli"

        func run() async throws {
            let token = APIToken.generate()
            try await Store.with(data) { database in
                let identity = IdentityStore(database: database)
                guard let account = try await identity.account(email: email) else { throw ValidationError("no user with email \(email)") }
                try await identity.addToken(hash: APIToken.hash(token), user: account.user.id, label: label, at: Date())
            }
            print(token)
        }
    }

    struct WebAccess: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "web-access",
            abstract: "Set a user's web password (read from standard input); officials also get a new TOTP secret."
        )

        @OptionGroup var data: DataOptions
        @Option(help: "The user's email.") var email: String

        func run() async throws {
            guard let password = readLine(strippingNewline: true), password.count >= 12 else {
                throw ValidationError("give a password of at least 12 characters on standard input")
            }
            let secret = try await Store.with(data) { database in
                guard let account = try await IdentityStore(database: database).account(email: email) else {
                    throw ValidationError("no user with email \(email)")
                }
                let secret = WebUI.needsSecondFactor(account) ? Secrets.token() : nil
                try await WebAccessStore(database: database).setCredentials(
                    user: account.user.id,
                    passwordHash: Secrets.hashPassword(password, cost: WebSettings().bcryptCost),
                    totpSecret: secret,
                    at: Date()
                )
                return secret
            }
            print("password set for \(email)")
            if let secret {
                print("otpauth://totp/Quartermaster:\(email)?secret=\(Secrets.base32(secret))&issuer=Quartermaster")
            }
        }
    }
}

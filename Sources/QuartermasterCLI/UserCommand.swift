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
            abstract: "Set a user's web password (read from standard input), or with --reenrol reset an official's second factor.",
            discussion: """
                Officials without a second factor set up an authenticator app at their next sign-in: the web UI shows a new \
                TOTP secret and activates it once a code from it is confirmed. Setting a password keeps an enrolled second \
                factor; --reenrol forgets it (a lost phone), so the official enrols again. Both end the user's sessions.
                """
        )

        @OptionGroup var data: DataOptions
        @Option(help: "The user's email.") var email: String
        @Flag(help: "Forget the user's second factor instead of setting a password; the official enrols again at the next sign-in.")
        var reenrol = false

        func run() async throws {
            let password = reenrol ? nil : readLine(strippingNewline: true)
            if !reenrol, (password?.count ?? 0) < 12 { throw ValidationError("give a password of at least 12 characters on standard input") }
            let official = try await Store.with(data) { database in
                guard let account = try await IdentityStore(database: database).account(email: email) else {
                    throw ValidationError("no user with email \(email)")
                }
                let access = WebAccessStore(database: database)
                if let password {
                    try await access.setPassword(
                        user: account.user.id,
                        passwordHash: Secrets.hashPassword(password, cost: WebSettings().bcryptCost),
                        at: Date()
                    )
                } else if try await !access.resetSecondFactor(user: account.user.id, at: Date()) {
                    throw ValidationError("\(email) has no web password yet; set one first")
                }
                return WebUI.needsSecondFactor(account)
            }
            print(reenrol ? "second factor reset for \(email)" : "password set for \(email)")
            if official {
                print(
                    reenrol
                        ? "\(email) sets up an authenticator app again at the next sign-in"
                        : "\(email) keeps an enrolled authenticator app, or sets one up at the next sign-in"
                )
            }
        }
    }
}

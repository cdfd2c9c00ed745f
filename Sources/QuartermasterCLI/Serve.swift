import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Procurement
import Server
import Storage
import TransparencyLog
import WebUI

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP server and the deadline scheduler.")

    @OptionGroup var data: DataOptions
    @OptionGroup var log: LogOptions
    @OptionGroup var publication: PublicationOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(help: "Seed a demo world into an empty database and print demo tokens.") var demo = false
    @Option(help: "Sandbox clock speed: simulated seconds per real second (1440: a day per minute).") var clockRate: Double = 1
    @Option(
        help: ArgumentHelp(
            "With --clock-rate: the real instant (ISO 8601) from which the sandbox clock runs fast; servers sharing a database and given the same origin keep one clock.",
            valueName: "time"
        )
    )
    var clockOrigin: String?
    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            "Address of a reverse proxy whose X-Forwarded-For names the client, for sign-in throttling (repeat for several).",
            valueName: "address"
        )
    )
    var trustedProxies: [String] = []

    func validate() throws {
        guard clockRate >= 1, clockRate <= 1_000_000 else { throw ValidationError("--clock-rate must be between 1 and 1000000") }
        if clockOrigin != nil {
            guard clockRate > 1 else { throw ValidationError("--clock-origin needs a --clock-rate above 1") }
            guard let origin = try origin(), origin <= Date() else { throw ValidationError("--clock-origin must be a past ISO 8601 time") }
        }
    }

    private func origin() throws -> Date? {
        try clockOrigin.map { text in
            guard let date = ISO8601DateFormatter().date(from: text) else { throw ValidationError("--clock-origin \(text) is not an ISO 8601 time") }
            return date
        }
    }

    /// The platform clock: real time, or a sandbox clock that runs from `--clock-origin` or else resumes from the
    /// latest recorded event, so a restart never moves time backwards.
    private func clock(database: any Database) async throws -> any TimeSource {
        guard clockRate != 1 else { return SystemTime() }
        if let origin = try origin() { return SandboxTime(rate: clockRate, start: origin, realStart: origin) }
        let resume = max(Date(), try await Ledger(database: database, time: SystemTime()).latestEventTime() ?? .distantPast)
        return SandboxTime(rate: clockRate, start: resume)
    }

    func run() async throws {
        var logger = Logger(label: "quartermaster")
        logger.logLevel = .info
        try await Store.with(data) { database in
            let time = try await clock(database: database)
            let key = try LogKey.loadOrCreate(dataDir: data.dataDir, origin: log.logOrigin)
            let publisher = LogPublisher(
                store: LogStore(database: database),
                signer: CheckpointSigner(origin: log.logOrigin, keys: [key]),
                logger: logger
            )
            let ledger = Ledger(database: database, time: time)
            let identity = IdentityStore(database: database)
            var settings = WebSettings()
            settings.trustedProxies = trustedProxies
            let web = try await WebUI(ledger: ledger, identity: identity, log: publisher.store, settings: settings)
            let services = Services(
                ledger: ledger,
                identity: identity,
                log: publisher,
                publisher: publication.profile(defaultURL: "http://\(host):\(port)"),
                web: web
            )
            if demo {
                let seeded = try await DemoWorld.seedIfEmpty(database: database, until: time.now)
                print(seeded ? "Seeded the demo world." : "Demo world already present; not seeded again.")
                print(DemoWorld.tokenTable)
                print(DemoWorld.signInTable)
            }
            try await publisher.publish()
            print("Transparency log \(log.logOrigin), verifier key \(key.verifierKey.encoded)")
            print(
                "Quartermaster listening on http://\(host):\(port)  (web UI: /, API: /api/v1, OpenAPI: /api/v1/openapi.json, clock rate \(clockRate)x)"
            )
            fflush(nil)  // start-up text must reach logs before the server blocks
            try await buildApplication(services, host: host, port: port, logger: logger).runService()
        }
    }
}

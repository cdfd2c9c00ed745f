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
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(help: "Seed a demo world into an empty database and print demo tokens.") var demo = false
    @Option(help: "Sandbox clock speed: simulated seconds per real second (1440: a day per minute).") var clockRate: Double = 1

    func validate() throws {
        guard clockRate >= 1, clockRate <= 1_000_000 else { throw ValidationError("--clock-rate must be between 1 and 1000000") }
    }

    func run() async throws {
        var logger = Logger(label: "quartermaster")
        logger.logLevel = .info
        try await Store.with(data) { database in
            // A sandbox clock resumes from the latest recorded event, so a restart never moves time backwards.
            let resume = max(Date(), try await Ledger(database: database, time: SystemTime()).latestEventTime() ?? .distantPast)
            let time: any TimeSource = clockRate == 1 ? SystemTime() : SandboxTime(rate: clockRate, start: resume)
            let key = try LogKey.loadOrCreate(dataDir: data.dataDir, origin: log.logOrigin)
            let publisher = LogPublisher(
                store: LogStore(database: database),
                signer: CheckpointSigner(origin: log.logOrigin, keys: [key]),
                logger: logger
            )
            let ledger = Ledger(database: database, time: time)
            let identity = IdentityStore(database: database)
            let web = try await WebUI(ledger: ledger, identity: identity, log: publisher.store)
            let services = Services(ledger: ledger, identity: identity, log: publisher, web: web)
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

import ArgumentParser
import NIOCore
import NIOPosix
import PartnerDeskCLI

/// The program's entry point; everything else lives in PartnerDeskCLI.
@main enum PartnerDeskMain {
    static func main() async {
        // Swift tasks run on the event-loop threads that also do the network and database I/O, instead of
        // hopping to Swift's default thread pool and back at every `await` (measured: about a third of the
        // server's CPU time went to those thread switches). Must happen first, on the main thread.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await PartnerDeskCommand.main()
    }
}

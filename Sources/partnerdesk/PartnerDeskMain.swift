import ArgumentParser
import PartnerDeskCLI

// The whole program lives in PartnerDeskCLI; this target only marks its root command as the entry point.
@main extension PartnerDeskCommand {}

package io.kuberouter.launcher.flags;

import java.time.Duration;
import java.util.List;

/**
 * What kube-router checks after parsing and before any controller runs, in upstream's order: cache-sync timeout,
 * graceful-restart timers, service ranges, then the own checks of each controller that may run (router first; with
 * {@code --node-capabilities} every controller may, as the Node can enable it later). Skipped, like
 * upstream, for {@code --cleanup-config} and when no controller would run. Also resolves the secrets.
 * Sync periods whose help says "Must be greater than 0" are enforced for the controller that uses them (upstream
 * would fail later, or spin on a zero ticker).
 */
final class StartupChecks {

    private static final Duration MAX_RESTART_TIME = Duration.ofSeconds(4095);
    private static final Duration MAX_DEFERRAL_TIME = Duration.ofHours(18);

    private StartupChecks() {
    }

    /**
     * @return the options with their secrets resolved
     * @throws CommandLineException (start-up) at the first failed check
     */
    static Options apply(Options options) {
        if (options.get(GeneralFlags.CLEANUP_CONFIG) || ConfigurationMapper.nothingToRun(options)) {
            return options;
        }
        requirePositive(options, GeneralFlags.CACHE_SYNC_TIMEOUT);
        checkGracefulRestart(options);
        ServiceRangeChecks.check(options);
        List<String> peerPasswords = List.of();
        if (ConfigurationMapper.mayRun(options, GeneralFlags.RUN_ROUTER)) {
            peerPasswords = RouterChecks.check(options);
            requirePositive(options, RoutingFlags.ROUTES_SYNC_PERIOD);
            requirePositive(options, RoutingFlags.INJECTED_ROUTES_SYNC_PERIOD);
        }
        if (ConfigurationMapper.mayRun(options, GeneralFlags.RUN_SERVICE_PROXY)) {
            requirePositive(options, ServiceProxyFlags.IPVS_SYNC_PERIOD);
            requirePositive(options, ServiceProxyFlags.IPVS_GRACEFUL_PERIOD);
        }
        if (ConfigurationMapper.mayRun(options, GeneralFlags.RUN_FIREWALL)) {
            requirePositive(options, NetworkPolicyFlags.IPTABLES_SYNC_PERIOD);
        }
        if (ConfigurationMapper.mayRun(options, GeneralFlags.RUN_LOADBALANCER)) {
            requirePositive(options, LoadBalancerFlags.LOADBALANCER_SYNC_PERIOD);
        }
        return options.withSecrets(new ResolvedSecrets(peerPasswords, WebConsolePassword.resolve(options)));
    }

    private static void checkGracefulRestart(Options options) {
        if (!options.get(BgpFlags.BGP_GRACEFUL_RESTART)) {
            return;
        }
        Duration restart = options.get(BgpFlags.BGP_GRACEFUL_RESTART_TIME);
        Duration deferral = options.get(BgpFlags.BGP_GRACEFUL_RESTART_DEFERRAL_TIME);
        if (restart.compareTo(MAX_RESTART_TIME) > 0) {
            throw CommandLineException.startup("BGPGracefulRestartTime should be less than 4095 seconds");
        }
        if (restart.isNegative() || restart.isZero()) {
            throw CommandLineException.startup("BGPGracefulRestartTime must be positive");
        }
        if (deferral.compareTo(MAX_DEFERRAL_TIME) > 0) {
            throw CommandLineException.startup("BGPGracefulRestartDeferralTime should be less than 18 hours");
        }
        if (deferral.isNegative() || deferral.isZero()) {
            throw CommandLineException.startup("BGPGracefulRestartDeferralTime must be positive");
        }
    }

    private static void requirePositive(Options options, Flag<Duration> period) {
        Duration value = options.get(period);
        if (value.isNegative() || value.isZero()) {
            throw CommandLineException.startup(
                    "--" + period.name() + " must be greater than 0, got " + GoDuration.format(value));
        }
    }
}

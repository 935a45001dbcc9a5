package dev.logtally.cli;

import dev.logtally.base.UserFacingException;

import dev.logtally.base.ConfigException;
import dev.logtally.monitoring.BundleWriter;
import dev.logtally.monitoring.MonitoringBundle;
import dev.logtally.monitoring.MonitoringSettings;
import dev.logtally.monitoring.MonitoringSettingsLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code logtally monitoring}: renders the monitoring bundle of one service (rules and their promtool
 * tests, Alertmanager routing, Grafana dashboard and provisioning, docker-compose) from a few settings;
 * see {@link MonitoringBundle} and the README's "Monitoring for your service".
 *
 * <pre>{@code
 * logtally monitoring --namespace shop --out monitoring-shop --config shop-monitoring.properties
 * logtally monitoring --namespace loka_stratum --out /tmp/m --config samples/monitoring.properties
 * }</pre>
 */
@Command(name = "monitoring", mixinStandardHelpOptions = true,
        description = "Render the monitoring bundle (rules, rule tests, Alertmanager, Grafana, docker-compose) for one service.")
final class MonitoringCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--namespace", required = true, paramLabel = "NS", description = "The tailer's metric prefix.")
    String namespace;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty directory to write the bundle into.")
    Path out;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (properties); every key has a default.")
    Path config;

    @Override
    public Integer call() {
        MonitoringSettings settings = MonitoringSettingsLoader.load(namespace, config);
        Map<String, String> files = MonitoringBundle.render(settings);
        try {
            BundleWriter.write(out, files);
        } catch (ConfigException e) {
            throw e;
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + ConfigException.reason(e), e);
        }
        spec.commandLine().getOut().println("logtally: wrote " + files.size() + " files for namespace " + settings.namespace() + " to " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}

package com.callpulse.app;

import com.callpulse.config.CallPulseConfig;
import com.callpulse.generator.FileLineSink;
import com.callpulse.generator.GeneratorSettings;
import com.callpulse.generator.HotlineSimulator;
import com.callpulse.model.Stream;
import com.callpulse.testing.ExpectedOutcomes;
import com.callpulse.testing.Lake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job jar ({@code callpulse-jobs-*-cluster.jar}) submitted with Flink's own command-line client ({@code flink
 * run}) to a standalone Flink session cluster: a JobManager and a TaskManager in JVMs of their own whose classpath
 * holds only Flink's jars ({@code target/flink-lib}, the dependencies the jar declares as provided). The TaskManager
 * loads CallPulse from the submitted jar alone, so this proves the jar carries everything a cluster lacks.
 */
class ClusterSubmissionIT {
    /** What Flink's default config.yaml passes to every Flink JVM on Java 17 ({@code env.java.default-opts.all}). */
    private static final List<String> FLINK_JVM_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    @TempDir
    Path tmp;

    private final List<Process> processes = new ArrayList<>();

    @Test
    void theJobJarRunsOnAStandaloneFlinkClusterWithFlinksJarsOnly() throws Exception {
        Path target = Path.of("target");
        Path jar;
        try (var files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().matches("callpulse-jobs-.*-cluster\\.jar")).findFirst().orElseThrow();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.getEntry("com/callpulse/app/CallPulseCli.class")).isNotNull();
            assertThat(zip.getEntry("org/apache/flink/connector/kafka/source/KafkaSource.class")).as("connectors travel with the job").isNotNull();
            assertThat(zip.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class")).as("Flink itself does not").isNull();
        }
        String flinkClasspath = target.toAbsolutePath().resolve("flink-lib") + "/*";

        CallPulseConfig config = CallPulseConfig.defaults();
        GeneratorSettings settings = new GeneratorSettings(LocalDate.parse("2026-11-20"), 1, 1_500, 9, 0.01, 24, config);
        Path input = tmp.resolve("day");
        ExpectedOutcomes expected = new ExpectedOutcomes();
        new HotlineSimulator(settings).run(expected.tee(new FileLineSink(input, settings.shardHours())), n -> {}, null);

        int rest = freePort();
        Path conf = flinkConf(rest, freePort());
        try {
            start("jobmanager", flinkClasspath, conf, List.of("org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "--configDir", conf.toString()));
            start("taskmanager", flinkClasspath, conf, List.of("org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "--configDir", conf.toString()));
            awaitTaskManager(rest);

            Path lake = tmp.resolve("lake");
            Process client = start("client", flinkClasspath, conf, List.of("org.apache.flink.client.cli.CliFrontend", "run", "-m", "localhost:" + rest,
                    jar.toAbsolutePath().toString(), "run", "--input", input.toString(), "--lake", lake.toString(), "--checkpoint-interval", "PT1S"));
            assertThat(client.waitFor(180, TimeUnit.SECONDS)).as("the client returns").isTrue();
            String out = Files.readString(tmp.resolve("client.log"));
            assertThat(client.exitValue()).as(out).isZero();
            assertThat(out).contains("Job has been submitted with JobID", "read = accepted + duplicates + rejected: holds for every stream");
            try (Lake l = new Lake(lake)) {
                for (Stream s : Stream.values()) {
                    assertThat(l.strings("SELECT event_id FROM " + l.table(s.code()) + " ORDER BY event_id")).as(s.code())
                            .isEqualTo(expected.acceptedIds(s));
                }
                assertThat(l.quarantineCounts()).isEqualTo(expected.quarantineCounts());
            }

            // detached (flink run -d): the client returns at submission; the summary completes when the job does
            Path detachedLake = tmp.resolve("detached-lake");
            Process detached = start("detached", flinkClasspath, conf, List.of("org.apache.flink.client.cli.CliFrontend", "run", "-d", "-m",
                    "localhost:" + rest, jar.toAbsolutePath().toString(), "run", "--input", input.toString(), "--lake", detachedLake.toString(),
                    "--checkpoint-interval", "PT1S", "--run-id", "detached"));
            assertThat(detached.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String detachedOut = Files.readString(tmp.resolve("detached.log"));
            assertThat(detached.exitValue()).as(detachedOut).isZero();
            assertThat(detachedOut).contains("submitted as job", "the run summary will be at");
            Path summary = detachedLake.resolve("_runs/detached.json");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(summary) && Files.readString(summary).contains("\"status\" : \"complete\"")) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(Files.readString(summary)).contains("\"status\" : \"complete\"", "\"balanced\" : true");
        } finally {
            for (Process p : processes) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Path flinkConf(int restPort, int rpcPort) throws IOException {
        Path conf = tmp.resolve("conf");
        Files.createDirectories(conf);
        // a TaskManager started without Flink's scripts needs its resources spelled out (the scripts compute them)
        Files.writeString(conf.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + rpcPort,
                "jobmanager.bind-host: localhost",
                "jobmanager.memory.process.size: 1024m",
                "taskmanager.host: localhost",
                "taskmanager.bind-host: localhost",
                "taskmanager.numberOfTaskSlots: 2",
                "taskmanager.cpu.cores: 2",
                "taskmanager.memory.task.heap.size: 512m",
                "taskmanager.memory.task.off-heap.size: 0m",
                "taskmanager.memory.network.min: 64m",
                "taskmanager.memory.network.max: 64m",
                "taskmanager.memory.managed.size: 64m",
                "taskmanager.memory.framework.heap.size: 128m",
                "taskmanager.memory.framework.off-heap.size: 128m",
                "taskmanager.memory.jvm-metaspace.size: 256m",
                "taskmanager.memory.jvm-overhead.min: 192m",
                "taskmanager.memory.jvm-overhead.max: 192m",
                "rest.port: " + restPort,
                "rest.address: localhost",
                "rest.bind-address: localhost",
                "parallelism.default: 2",
                ""));
        Files.copy(Path.of("src/test/resources/log4j2-test.xml"), conf.resolve("log4j2.xml"));
        return conf;
    }

    private Process start(String name, String classpath, Path conf, List<String> mainAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx768m");
        cmd.addAll(FLINK_JVM_OPTIONS);
        cmd.add("-Dlog4j2.configurationFile=" + conf.resolve("log4j2.xml"));
        cmd.add("-Dcallpulse.log.dir=" + tmp);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile());
        pb.environment().put("FLINK_CONF_DIR", conf.toString());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private void awaitTaskManager(int restPort) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest overview = HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + "/overview")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(overview, HttpResponse.BodyHandlers.ofString()).body();
                if (last.contains("\"taskmanagers\":1")) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the cluster did not come up: " + last + "\n" + Files.readString(tmp.resolve("taskmanager.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

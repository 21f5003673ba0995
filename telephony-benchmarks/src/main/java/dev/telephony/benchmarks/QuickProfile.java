package dev.telephony.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and writes a Markdown table of medians, spreads and ratios. {@code quick} (the
 * default) keeps iterations short so the whole run takes a few minutes on two cores; {@code full}
 * runs JMH's longer defaults for the per-call benchmarks.
 */
public final class QuickProfile {
    private QuickProfile() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        boolean quick = args.length == 0 || !args[0].equals("full");
        List<RunResult> results = new ArrayList<>();
        // per-call and comparison benchmarks: short iterations in the quick profile
        ChainedOptionsBuilder calls = new OptionsBuilder().shouldFailOnError(true)
                .include("dev.telephony.benchmarks.(CallCost|Throughput|TwilioSdk|AzureSdk)Benchmark.*");
        if (quick) {
            calls.warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1)).forks(1);
        }
        results.addAll(new Runner(calls.build()).run());
        // the composite's fan-out: members answer after fixed delays, so a few short iterations say it all
        ChainedOptionsBuilder composite = new OptionsBuilder().shouldFailOnError(true)
                .include("dev.telephony.benchmarks.CompositeBenchmark.*");
        if (quick) {
            composite.warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1)).forks(1);
        }
        results.addAll(new Runner(composite.build()).run());
        // listing in a 64 MB heap, connecting in a fresh JVM and the workflows under latency keep their own fork and iteration settings
        results.addAll(new Runner(new OptionsBuilder().shouldFailOnError(true)
                .include("dev.telephony.benchmarks.(Listing|Connect|Workflow)Benchmark.*").build()).run());
        // the same connect again, each fork mapping a class-data archive of it that a training run writes first
        List<String> mapping = ConnectFromArchiveBenchmark.writeArchive(Path.of("telephony-benchmarks", "target", "connect.jsa"));
        results.addAll(new Runner(new OptionsBuilder().shouldFailOnError(true)
                .include("dev.telephony.benchmarks.ConnectFromArchiveBenchmark.*")
                .jvmArgsAppend(mapping.toArray(String[]::new)).build()).run());
        String table = table(results);
        Path out = Path.of("telephony-benchmarks", "target", "benchmark-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println();
        System.out.println(table);
        System.out.println("written to " + out.toAbsolutePath());
    }

    static String table(Collection<RunResult> results) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder("| benchmark | mode | score (median) | spread (min–max) | unit |\n|---|---|---|---|---|\n");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replace("dev.telephony.benchmarks.", "");
            String param = result.getParams().getParamsKeys().isEmpty() ? ""
                    : " " + result.getParams().getParamsKeys().stream().map(k -> k + "=" + result.getParams().getParam(k)).toList();
            List<Double> raw = new ArrayList<>();
            result.getBenchmarkResults().forEach(b -> b.getIterationResults().forEach(i -> raw.add(i.getPrimaryResult().getScore())));
            raw.sort(Double::compare);
            double median = raw.isEmpty() ? Double.NaN : raw.get(raw.size() / 2);
            double min = raw.isEmpty() ? Double.NaN : raw.get(0);
            double max = raw.isEmpty() ? Double.NaN : raw.get(raw.size() - 1);
            String unit = result.getPrimaryResult().getScoreUnit();
            scores.put(name + param, new double[] {median, min, max});
            units.put(name + param, unit);
            text.append(String.format(Locale.ROOT, "| %s%s | %s | %.2f | %.2f–%.2f | %s |%n", name, param,
                    result.getParams().getMode().shortLabel(), median, min, max, unit));
        }
        text.append("\n| comparison | ratio (library / reference) |\n|---|---|\n");
        for (String name : scores.keySet()) {
            String reference = referenceOf(name);
            if (reference != null && scores.containsKey(reference)) {
                text.append(String.format(Locale.ROOT, "| %s vs %s | %.3f |%n", name, reference,
                        scores.get(name)[0] / scores.get(reference)[0]));
            }
        }
        text.append("\n| workflow at ").append(WorkflowBenchmark.LATENCY_MILLIS).append(" ms a round trip | median | lower bound | ratio |\n|---|---|---|---|\n");
        for (Map.Entry<String, Double> bound : workflowBounds().entrySet()) {
            double[] score = scores.get(bound.getKey());
            if (score != null) {
                text.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.0f ms | %.2f× |%n", bound.getKey(), score[0],
                        bound.getValue(), score[0] / bound.getValue()));
            }
        }
        return text.toString();
    }

    /**
     * The least time each workflow can take: the round trips that must follow one another, times the
     * latency, plus the caller's own waiting where it works on each page.
     */
    static Map<String, Double> workflowBounds() {
        double latency = WorkflowBenchmark.LATENCY_MILLIS;
        int concurrency = dev.telephony.http.HttpSettings.DEFAULT_BULK_CONCURRENCY;
        int pages = WorkflowBenchmark.LISTED / WorkflowBenchmark.PAGE;
        double work = WorkflowBenchmark.WORK_PER_PAGE_MILLIS;
        Map<String, Double> bounds = new LinkedHashMap<>();
        double parallel = Math.ceil((double) WorkflowBenchmark.NUMBERS / concurrency) * latency;
        bounds.put("WorkflowBenchmark.signalWireBulkPurchase100", parallel);
        bounds.put("WorkflowBenchmark.compatBulkPurchase100", parallel);
        bounds.put("WorkflowBenchmark.signalWireBulkPurchase100OneAtATime", WorkflowBenchmark.NUMBERS * latency);
        bounds.put("WorkflowBenchmark.twilioSequentialPurchase100", WorkflowBenchmark.NUMBERS * latency);
        bounds.put("WorkflowBenchmark.signalWireList10000", pages * latency);
        // reading ahead, each page's fetch overlaps the work on the page before: the first fetch, then the longer of the two per page
        bounds.put("WorkflowBenchmark.signalWireList10000WorkingOnEachPage", latency + pages * Math.max(latency, work));
        bounds.put("WorkflowBenchmark.signalWireList10000WorkingOnEachPageByToken", pages * (latency + work));
        return bounds;
    }

    private static String referenceOf(String name) {
        if (name.endsWith("Floor")) {
            return null;
        }
        if (name.startsWith("CallCostBenchmark.") || name.startsWith("ThroughputBenchmark.")) {
            return name + "Floor";
        }
        if (name.startsWith("TwilioSdkBenchmark.library")) {
            return name.replace(".library", ".twilio");
        }
        if (name.startsWith("CompositeBenchmark.") && !name.equals(CompositeBenchmark.REFERENCE)) {
            return CompositeBenchmark.REFERENCE;
        }
        if (name.startsWith("AzureSdkBenchmark.library")) {
            return name.replace(".library", ".sdk");
        }
        return null;
    }
}

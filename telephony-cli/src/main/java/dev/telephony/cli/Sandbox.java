package dev.telephony.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telephony.api.TelephonyProvider;
import dev.telephony.api.error.ConfigurationException;
import dev.telephony.testkit.carrier.CarrierSnapshot;
import dev.telephony.testkit.carrier.CarrierState;
import dev.telephony.testkit.memory.InMemoryProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line's embedded default provider: the in-memory provider over a carrier seeded with a
 * realistic offer ({@link SandboxInventory}), its state kept in {@code <home>/.telephony/sandbox.json}
 * between commands, so a number bought in one command is still owned in the next. Purchases are
 * asynchronous (PENDING for a couple of seconds), as real carriers' often are. A lock file keeps two
 * commands from writing the state at once.
 */
final class Sandbox implements AutoCloseable {
    static final String NAME = "sandbox";
    static final String DESCRIPTION = "the command line's default: the in-memory provider with a seeded US offer, "
            + "its state kept in ~/.telephony/sandbox.json; reaches no network and spends no money";
    private static final String FORMAT = "telephony-sandbox/1";

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final CarrierState carrier;
    private final InMemoryProvider provider;
    private boolean closed;
    /** Saves what a command already did when it is interrupted (Ctrl-C during a long wait or listing). */
    private final Thread saveOnExit = new Thread(this::close, "telephony-sandbox-save");

    private Sandbox(Path file, FileChannel lockChannel, FileLock lock, CarrierState carrier, CliContext context,
                    java.util.Set<dev.telephony.api.Capability> capabilities) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.carrier = carrier;
        this.provider = InMemoryProvider.builder().carrier(carrier).capabilities(capabilities).clock(context.clock())
                .sleeper(context.sleeper()).asynchronousPurchases(true).build();
        Runtime.getRuntime().addShutdownHook(saveOnExit);
    }

    /** Where the sandbox of {@code context}'s home keeps its state. */
    static Path stateFile(CliContext context) {
        return stateFile(context, NAME);
    }

    /** Where the sandbox carrier called {@code name} keeps its state. */
    static Path stateFile(CliContext context, String name) {
        return context.home().resolve(".telephony").resolve(name + ".json");
    }

    /** Opens the sandbox: its saved state, or a freshly seeded carrier the first time. Holds its lock until closed. */
    static Sandbox open(CliContext context) {
        return open(context, NAME, SandboxInventory::seed, InMemoryProvider.ALL_CAPABILITIES, false);
    }

    /** Opens the sandbox afresh, throwing any saved state away. */
    static Sandbox reset(CliContext context) {
        return open(context, NAME, SandboxInventory::seed, InMemoryProvider.ALL_CAPABILITIES, true);
    }

    /**
     * Opens the sandbox carrier called {@code name} (its state in {@code <home>/.telephony/<name>.json}),
     * seeded by {@code seed} the first time, its provider declaring {@code capabilities}.
     */
    static Sandbox open(CliContext context, String name, java.util.function.UnaryOperator<CarrierState> seed,
                        java.util.Set<dev.telephony.api.Capability> capabilities, boolean fresh) {
        Path file = stateFile(context, name);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file.resolveSibling(name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            CarrierState carrier = !fresh && Files.exists(file) ? load(file, context)
                    : seed.apply(new CarrierState(context.clock()));
            Sandbox sandbox = new Sandbox(file, channel, lock, carrier, context, capabilities);
            if (fresh || !Files.exists(file)) {
                sandbox.save();
            }
            return sandbox;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ConfigurationException("the sandbox cannot use " + file.getParent() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    TelephonyProvider provider() {
        return provider;
    }

    CarrierState carrier() {
        return carrier;
    }

    Path file() {
        return file;
    }

    /** Writes the carrier's state to the file, replacing it whole (never a half-written file). */
    void save() {
        CarrierSnapshot snapshot = carrier.snapshot();
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("sequence", snapshot.sequence());
        root.put("holdOrders", snapshot.holdOrders());
        root.put("orderProcessingMillis", snapshot.orderProcessingTime().toMillis());
        root.set("available", Json.array(snapshot.available(), Json::offer));
        root.set("owned", Json.array(snapshot.owned(), Json::owned));
        root.set("orders", Json.array(snapshot.orders(), o -> {
            ObjectNode order = Json.object();
            order.set("order", Json.order(o.order()));
            order.put("name", o.name().orElse(null));
            order.put("readyAt", o.readyAt().map(Object::toString).orElse(null));
            return order;
        }));
        root.set("ports", Json.array(snapshot.ports(), Json::port));
        root.set("portability", Json.array(snapshot.portability(), Json::portability));
        root.set("purchases", Json.numbers(snapshot.purchases()));
        root.set("releases", Json.numbers(snapshot.releases()));
        root.set("holds", Json.array(snapshot.holds(), Json::hold));
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Json.MAPPER.writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the sandbox to " + file, e);
        }
    }

    private static CarrierState load(Path file, CliContext context) {
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException("it is not in the format " + FORMAT);
            }
            List<CarrierSnapshot.OrderRecord> orders = new ArrayList<>();
            root.path("orders").forEach(o -> orders.add(new CarrierSnapshot.OrderRecord(Json.toOrder(o.path("order")),
                    Json.text(o, "name"), Json.text(o, "readyAt").map(java.time.Instant::parse))));
            CarrierSnapshot snapshot = new CarrierSnapshot(root.path("sequence").asLong(),
                    list(root.path("available"), Json::toOffer), list(root.path("owned"), Json::toOwned), orders,
                    list(root.path("ports"), Json::toPort), list(root.path("portability"), Json::toPortability),
                    Json.toNumbers(root.path("purchases")), Json.toNumbers(root.path("releases")),
                    root.path("holdOrders").asBoolean(false),
                    Duration.ofMillis(root.path("orderProcessingMillis").asLong(SandboxInventory.ORDER_PROCESSING_TIME.toMillis())),
                    list(root.path("holds"), Json::toHold));
            return CarrierState.restore(snapshot, context.clock());
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("the sandbox state in " + file + " cannot be read (" + Optional.ofNullable(e.getMessage())
                    .orElse(e.getClass().getSimpleName()) + "); 'telephony sandbox reset' starts over");
        }
    }

    private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> each) {
        List<T> items = new ArrayList<>();
        array.forEach(n -> items.add(each.apply(n)));
        return items;
    }

    /** Saves the state and lets the next command in. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != saveOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(saveOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing to remove
            }
        }
        try {
            provider.close();
            save();
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}

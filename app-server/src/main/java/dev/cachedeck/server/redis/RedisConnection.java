package dev.cachedeck.server.redis;

import dev.cachedeck.model.RedactedUrl;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import reactor.core.Disposable;

/**
 * Redis for the whole server: a standalone server or a Redis Cluster, whichever {@code url} names.
 * {@code url} is one node or several comma-separated seeds; the first seed that answers says what it is
 * ({@code INFO server}, {@code redis_mode}), and a cluster is then reached through Lettuce's cluster client
 * with periodic and adaptive topology refresh. Either way there is one long-lived, thread-safe connection
 * shared by every request, with a short command timeout so a slow Redis costs a request at most that long.
 * Keys are strings, values raw bytes (the cache tiers encode and compress them).
 *
 * <p>When Redis cannot be reached at start, the server starts anyway: commands fail (the cache's circuit
 * breaker serves from the database) until a background thread has connected.
 *
 * <p>{@link #onChange} is the topology hook: it hears the first connection, every reconnection of a
 * connection that had been up, and every change of the cluster's topology. Whatever is kept per master
 * (key-event subscriptions, client tracking) is re-established from {@link #masters()} when it fires.
 */
public final class RedisConnection implements RedisAccess, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final String url;
    private final String printableUrl;
    private final List<RedisURI> seeds;
    private final RedisTimeouts timeouts;
    private final ClientResources resources;
    private final boolean ownsResources;
    private final RedisClient nodeClient;
    private final List<Consumer<TopologyChange>> listeners = new CopyOnWriteArrayList<>();
    // Connections seen up at least once: a second "connected" for one of them is a reconnection.
    private final Set<RedisChannelHandler<?, ?>> everConnected = Collections.newSetFromMap(new WeakHashMap<>());
    private final Disposable topologyEvents;
    private volatile RedisLink live;
    private volatile Set<String> lastMasters = Set.of();
    // Made on first use, guarded by this.
    private RedisClient resp3Client;
    private volatile boolean closed;

    public RedisConnection(String url, RedisTimeouts timeouts) {
        this(url, timeouts, null);
    }

    /** {@code shared} null: this connection makes its own client resources (threads, timer) and shuts them down. */
    private RedisConnection(String url, RedisTimeouts timeouts, ClientResources shared) {
        this.url = url;
        this.printableUrl = RedactedUrl.of(url);
        this.timeouts = timeouts;
        this.seeds = seeds(url, timeouts.connect());
        this.ownsResources = shared == null;
        this.resources = shared == null ? DefaultClientResources.create() : shared;
        this.nodeClient = RedisClient.create(resources);
        nodeClient.setOptions(clientOptions(ClientOptions.builder()).build());
        watchReconnections(nodeClient);
        this.topologyEvents = resources.eventBus().get()
                .filter(ClusterTopologyChangedEvent.class::isInstance)
                .subscribe(event -> dispatch(this::topologyMayHaveChanged));
        if (!tryConnect()) {
            LOG.warning(() -> "redis unreachable at start url=" + printableUrl + " retryEvery=" + timeouts.reconnectInterval()
                    + " (serving from the database meanwhile)");
            Thread.ofVirtual().name("redis-connect").start(this::keepTrying);
        }
    }

    /**
     * {@code redis://a:7000,b:7001} or {@code a:7000, redis://b:7001}: each seed is a URI or {@code host:port}.
     * A URI's timeout bounds the connection handshake, of the first connection and of every node connection a
     * cluster client opens later; commands have their own, shorter timeout ({@link TimeoutOptions}).
     */
    static List<RedisURI> seeds(String url, Duration handshakeTimeout) {
        return Arrays.stream(url.split(","))
                .map(String::trim)
                .filter(seed -> !seed.isEmpty())
                .map(seed -> RedisURI.create(seed.contains("://") ? seed : "redis://" + seed))
                .peek(uri -> uri.setTimeout(handshakeTimeout))
                .toList();
    }

    private <B extends ClientOptions.Builder> B clientOptions(B builder) {
        builder.autoReconnect(true)
                // Fail fast while disconnected instead of queueing commands behind a dead socket.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeouts.command()))
                .socketOptions(SocketOptions.builder().connectTimeout(timeouts.connect()).build());
        return builder;
    }

    private boolean tryConnect() {
        for (RedisURI seed : seeds) {
            try {
                live = open(seed);
                lastMasters = masterIds(live);
                LOG.info(() -> "redis connected url=" + printableUrl + " mode=" + live.mode() + " masters=" + lastMasters.size());
                return true;
            } catch (RedisException e) {
                LOG.fine(() -> "redis seed unreachable seed=" + seed + " error=" + e.getMessage());
            }
        }
        return false;
    }

    private RedisLink open(RedisURI seed) {
        StatefulRedisConnection<String, byte[]> probe = nodeClient.connect(CODEC, seed);
        if (!"cluster".equals(field(probe.sync().info("server"), "redis_mode"))) {
            return new StandaloneLink(probe, seed);
        }
        probe.close();
        RedisClusterClient cluster = RedisClusterClient.create(resources, seeds);
        cluster.setOptions(clientOptions(ClusterClientOptions.builder())
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(timeouts.topologyRefresh())
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .build());
        watchReconnections(cluster);
        try {
            ClusterLink link = new ClusterLink(cluster, cluster.connect(CODEC), seed);
            // Opens the connection to every master now rather than in the first requests that need one.
            link.masters();
            return link;
        } catch (RedisException e) {
            cluster.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw e;
        }
    }

    private void keepTrying() {
        while (!closed && !tryConnect()) {
            try {
                Thread.sleep(timeouts.reconnectInterval());
            } catch (InterruptedException e) {
                return;
            }
        }
        if (closed) {
            closeLive();
        } else {
            announce(new TopologyChange(TopologyChange.Kind.CONNECTED, "connected to " + printableUrl));
        }
    }

    private void watchReconnections(AbstractRedisClient client) {
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                boolean again;
                synchronized (everConnected) {
                    again = !everConnected.add(connection);
                }
                if (again) {
                    dispatch(() -> announce(new TopologyChange(TopologyChange.Kind.RECONNECTED, "reconnected to " + address)));
                }
            }
        });
    }

    /** Lettuce calls listeners on its I/O threads, where nothing may wait for Redis. */
    private static void dispatch(Runnable action) {
        Thread.ofVirtual().name("redis-topology").start(action);
    }

    private void topologyMayHaveChanged() {
        RedisLink link = live;
        if (link == null || closed) {
            return;
        }
        Set<String> before = lastMasters;
        Set<String> now;
        try {
            now = masterIds(link);
        } catch (RedisException e) {
            return;
        }
        lastMasters = now;
        if (!now.equals(before)) {
            announce(new TopologyChange(TopologyChange.Kind.MASTERS_CHANGED, "masters " + before + " -> " + now));
        } else {
            announce(new TopologyChange(TopologyChange.Kind.REARRANGED, "cluster topology refreshed"));
        }
    }

    private static Set<String> masterIds(RedisLink link) {
        return link.masters().stream().map(RedisNode::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private void announce(TopologyChange change) {
        if (closed) {
            return;
        }
        LOG.info(() -> "redis topology change kind=" + change.kind() + " detail=\"" + change.detail() + "\"");
        listeners.forEach(listener -> listener.accept(change));
    }

    /** Hears every {@link TopologyChange}, on a thread of its own (never Lettuce's I/O thread). */
    public void onChange(Consumer<TopologyChange> listener) {
        listeners.add(listener);
    }

    private RedisLink link() {
        RedisLink link = live;
        if (link == null) {
            throw new RedisConnectionException("not connected yet to " + printableUrl);
        }
        return link;
    }

    @Override
    public RedisClusterCommands<String, byte[]> sync() {
        return link().sync();
    }

    @Override
    public RedisClusterAsyncCommands<String, byte[]> async() {
        return link().async();
    }

    @Override
    public List<RedisNode> masters() {
        return link().masters();
    }

    @Override
    public void refreshTopology() {
        link().refreshTopology();
    }

    /** Whether the server behind {@code url} is a Redis Cluster; false also while not connected yet. */
    public boolean cluster() {
        RedisLink link = live;
        return link != null && link.mode().equals("cluster");
    }

    /** A new pub/sub connection (string keys and messages) to one master; throws when it is unreachable. */
    public StatefulRedisPubSubConnection<String, String> connectPubSub(RedisNode node) {
        return nodeClient.connectPubSub(StringCodec.UTF8, node.uri());
    }

    /**
     * Another connection to the same Redis with other timeouts, on this one's I/O threads and timer (a second
     * set of client resources would start its own). Close it before this one.
     */
    public RedisConnection sibling(RedisTimeouts siblingTimeouts) {
        return new RedisConnection(url, siblingTimeouts, resources);
    }

    /**
     * A plain RESP3 connection (string keys and values) to one node, outside any cluster routing, on this
     * connection's threads, timer and options: what the near tier's tracking needs, since push messages arrive
     * only on RESP3, and on a cluster one per master ({@link RedisNode#uri()} of each of {@link #masters()},
     * again after every {@link #onChange}). Throws when the node cannot be reached.
     */
    public StatefulRedisConnection<String, String> connectResp3(RedisURI node) {
        return resp3Client().connect(StringCodec.UTF8, node);
    }

    private synchronized RedisClient resp3Client() {
        if (resp3Client == null) {
            resp3Client = RedisClient.create(resources);
            resp3Client.setOptions(clientOptions(ClientOptions.builder()).protocolVersion(ProtocolVersion.RESP3).build());
        }
        return resp3Client;
    }

    /** The URL as it may be printed: its passwords hidden. */
    public String url() {
        return printableUrl;
    }

    /** The {@code redis_version} of the first master's INFO. */
    public String serverVersion() {
        return field(masters().getFirst().sync().info("server"), "redis_version");
    }

    static String field(String info, String name) {
        return info.lines()
                .filter(line -> line.startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst()
                .orElse("unknown");
    }

    @Override
    public void close() {
        closed = true;
        topologyEvents.dispose();
        closeLive();
        synchronized (this) {
            if (resp3Client != null) {
                resp3Client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
        nodeClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        if (ownsResources) {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    private void closeLive() {
        RedisLink current = live;
        live = null;
        if (current != null) {
            current.close();
        }
    }
}

package io.kuberouter.bgp.speaker.impl.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The speaker's sockets on one epoll event loop, the thread that also runs sessions, timers and
 * RIBs. Sockets are created for the family of their address (no dual-stack sockets), so IPv4
 * sessions take {@code IP_TTL} and IPv4 TCP MD5 keys. Listen sockets carry the MD5 keys of all
 * peers (RFC 2385; Linux checks them per remote address), which accepted sockets inherit.
 */
public final class Transport implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final IoEventLoopGroup group;
    private final List<Channel> listeners = new ArrayList<>();

    private Transport(IoEventLoopGroup group) {
        this.group = group;
    }

    /**
     * Starts the event loop thread.
     *
     * @throws IllegalStateException if the epoll transport is unavailable
     */
    public static Transport start(String threadName) {
        if (!Epoll.isAvailable()) {
            throw new IllegalStateException("BGP needs the Linux epoll transport", Epoll.unavailabilityCause());
        }
        return new Transport(new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadName, true),
                EpollIoHandler.newFactory()));
    }

    /** The one loop every channel and timer of the speaker runs on. */
    public EventLoop loop() {
        return group.next();
    }

    /**
     * Listens on each address; {@code acceptor} receives every accepted channel before it is
     * active, on the loop. Blocks until bound.
     *
     * @throws IllegalStateException if an address cannot be bound
     */
    public void listen(List<InetAddress> addresses, int port, Consumer<Channel> acceptor) {
        for (InetAddress address : addresses) {
            ChannelFuture bound = new ServerBootstrap().group(group)
                    .channelFactory(() -> new EpollServerSocketChannel(family(address)))
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer(acceptor))
                    .bind(new InetSocketAddress(address, port)).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw new IllegalStateException("cannot listen on " + address + " port " + port, bound.cause());
            }
            listeners.add(bound.channel());
        }
    }

    /** Replaces the TCP MD5 keys of the listen sockets; each socket takes the keys of its family. */
    public void setListenKeys(Map<InetAddress, byte[]> keys) {
        for (Channel listener : listeners) {
            InetAddress local = ((InetSocketAddress) listener.localAddress()).getAddress();
            Map<InetAddress, byte[]> ofFamily = keys.entrySet().stream()
                    .filter(entry -> family(entry.getKey()) == family(local))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            listener.config().setOption(EpollChannelOption.TCP_MD5SIG, ofFamily);
        }
    }

    /**
     * Connects to {@code peer}, from {@code local} when given, with a TCP MD5 key when given and
     * the IP TTL {@code ttl} (0 = system default). {@code initializer} sets up the pipeline.
     */
    public ChannelFuture connect(InetSocketAddress peer, Optional<InetAddress> local, Optional<byte[]> md5Key,
            int ttl, Consumer<Channel> initializer) {
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channelFactory(() -> new EpollSocketChannel(family(peer.getAddress())))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(initializer(initializer));
        md5Key.ifPresent(key -> bootstrap.option(EpollChannelOption.TCP_MD5SIG, Map.of(peer.getAddress(), key)));
        if (ttl > 0) {
            bootstrap.option(SocketOptions.ttlOption(peer.getAddress()), ttl);
        }
        return local.map(address -> bootstrap.connect(peer, new InetSocketAddress(address, 0)))
                .orElseGet(() -> bootstrap.connect(peer));
    }

    /** Closes the listen sockets and ends the loop thread; waits up to a few seconds. */
    @Override
    public void close() {
        listeners.forEach(listener -> listener.close().awaitUninterruptibly());
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private static SocketProtocolFamily family(InetAddress address) {
        return address.getAddress().length == 4 ? SocketProtocolFamily.INET : SocketProtocolFamily.INET6;
    }

    private static ChannelInitializer<Channel> initializer(Consumer<Channel> setup) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                setup.accept(channel);
            }
        };
    }
}

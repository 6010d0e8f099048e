package dev.capiconsole.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy for fault tests: a byte pipe to one target (TLS passes through untouched) that can delay
 * new connections, refuse them (accept, then reset at once), and reset every open one. It counts the connections it
 * accepted and the bytes that went each way; what it cannot see through TLS (requests) is not claimed.
 */
public final class FaultProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final ExecutorService pipes = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private volatile long delayMillis;
    private volatile long refuseUntilNanos = System.nanoTime();
    private volatile boolean refusing;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts listening on 127.0.0.1 on a free port, forwarding to {@code host:port}. */
    public static FaultProxy to(String host, int port) throws IOException {
        return new FaultProxy(new InetSocketAddress(host, port));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Holds every new connection this long before connecting it to the target. */
    public void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** New connections are accepted and reset at once, until {@link #restore()}. */
    public void refuse() {
        refusing = true;
    }

    /** Resets every open connection and refuses new ones for {@code period}. */
    public void resetFor(Duration period) {
        refuseUntilNanos = System.nanoTime() + period.toNanos();
        resetAll();
    }

    /** Back to a plain pipe: no refusing, no delay. */
    public void restore() {
        refusing = false;
        refuseUntilNanos = System.nanoTime();
        delayMillis = 0;
    }

    /** Resets (RST, not FIN) every open connection on both sides. */
    public void resetAll() {
        for (Socket socket : open) {
            reset(socket);
        }
    }

    /** Connections accepted and piped to the target (refused ones not counted). */
    public long connections() {
        return accepted.get();
    }

    /** Connections accepted and reset at once because the proxy was refusing. */
    public long refusedConnections() {
        return refused.get();
    }

    /** Bytes from the clients to the target. */
    public long bytesUp() {
        return bytesUp.get();
    }

    public long bytesDown() {
        return bytesDown.get();
    }

    public int openConnections() {
        return open.size() / 2;
    }

    private boolean refusingNow() {
        return refusing || System.nanoTime() - refuseUntilNanos < 0;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (refusingNow()) {
                    refused.incrementAndGet();
                    reset(client);
                    continue;
                }
                pipes.execute(() -> connect(client));
            } catch (IOException e) {
                if (!closed) {
                    org.slf4j.LoggerFactory.getLogger(FaultProxy.class).warn("Proxy accept failed", e);
                }
            }
        }
    }

    private void connect(Socket client) {
        try {
            long delay = delayMillis;
            if (delay > 0) {
                Thread.sleep(delay);
            }
            if (refusingNow()) {
                refused.incrementAndGet();
                reset(client);
                return;
            }
            Socket upstream = new Socket();
            upstream.connect(target, 5_000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            open.add(client);
            open.add(upstream);
            accepted.incrementAndGet();
            java.util.concurrent.atomic.AtomicInteger directions = new java.util.concurrent.atomic.AtomicInteger(2);
            pipes.execute(() -> pipe(client, upstream, bytesUp, directions));
            pipe(upstream, client, bytesDown, directions);
        } catch (IOException e) {
            reset(client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset(client);
        }
    }

    private void pipe(Socket from, Socket to, AtomicLong counter, java.util.concurrent.atomic.AtomicInteger directions) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
                counter.addAndGet(read);
            }
            to.shutdownOutput(); // pass the end of this direction on, as a FIN
            if (directions.decrementAndGet() == 0) {
                closeQuietly(from);
                closeQuietly(to);
            }
        } catch (IOException e) {
            // A reset on either side (or by the proxy) ends both, abruptly, so neither end waits on a half-open pipe.
            reset(from);
            reset(to);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private void reset(Socket socket) {
        open.remove(socket);
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        resetAll();
        pipes.shutdownNow();
    }
}

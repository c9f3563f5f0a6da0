package dev.hotcold.transport.nio;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An event loop survives what one channel's handler throws, and serves the others meanwhile. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventLoopTest {

    @Test
    void aHandlerThatKeepsThrowingNeitherEndsTheLoopNorHoldsUpOtherChannels() throws Exception {
        Pipe bad = Pipe.open();
        Pipe good = Pipe.open();
        LinkedBlockingQueue<Long> handled = new LinkedBlockingQueue<>();
        TestLoop loop = new TestLoop(handled);
        loop.start();
        try {
            CompletableFuture<Void> registered = new CompletableFuture<>();
            loop.execute(() -> {
                try {
                    bad.source().configureBlocking(false).register(loop.selector, SelectionKey.OP_READ, "bad");
                    good.source().configureBlocking(false).register(loop.selector, SelectionKey.OP_READ, "good");
                    registered.complete(null);
                } catch (IOException e) {
                    registered.completeExceptionally(e);
                }
            });
            registered.get(5, TimeUnit.SECONDS);
            bad.sink().write(ByteBuffer.wrap(new byte[] {1}));   // its handler throws, leaving it ready
            for (int round = 0; round < 20; round++) {
                good.sink().write(ByteBuffer.wrap(new byte[] {2}));
                // A loop that backed off, or skipped the round's other keys, after each throw
                // would take seconds here (10 ms doubling to 1 s, twelve times).
                assertNotNull(handled.poll(5, TimeUnit.SECONDS), "the good channel was served, round " + round);
            }
            assertTrue(loop.thread().isAlive(), "the loop lives on");
        } finally {
            loop.stopping = true;
            loop.wakeUp();
            assertTrue(loop.join(TimeUnit.SECONDS.toNanos(10)), "the loop ends when asked");
        }
    }

    /** A loop whose "bad" channel's handler throws an Error the first twelve times it is ready. */
    private static final class TestLoop extends EventLoop {
        private final LinkedBlockingQueue<Long> handled;
        private volatile boolean stopping;
        private int badThrows;

        TestLoop(LinkedBlockingQueue<Long> handled) throws IOException {
            super("test-loop");
            this.handled = handled;
        }

        @Override
        protected void onReady(SelectionKey key) {
            if ("bad".equals(key.attachment()) && ++badThrows <= 12) {
                throw new AssertionError("a handler's bug, time " + badThrows);
            }
            try {
                ((Pipe.SourceChannel) key.channel()).read(ByteBuffer.allocate(16));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            handled.add(System.nanoTime());
        }

        @Override
        protected boolean shouldStop() {
            return stopping;
        }

        @Override
        protected void onStop() {
            for (SelectionKey key : selector.keys()) {
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // Closing a test's pipe.
                }
            }
        }
    }
}

package io.weir.bench.jmh;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import io.weir.api.tuple.Tuple3;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.serialization.Serializers;
import org.apache.fory.Fory;
import org.apache.fory.config.Language;
import org.apache.fory.memory.MemoryBuffer;
import org.apache.fory.memory.MemoryUtils;
import org.objenesis.strategy.StdInstantiatorStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Round trip (serialize, then deserialize) of one small value, to choose the generic fallback
 * library: Kryo 5 and Apache Fory, each configured as the runtime would use it (classes not
 * registered, references tracked, one instance per thread, buffers reused). Weir's own paths are
 * measured alongside: the built-in serializer of the type, and the Kryo fallback behind the
 * {@code TypeSerializer} interface with a {@code DataOutput}.
 *
 * <p>Run: see docs/serialization.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerializerBenchmark {

    /** A small POJO as a job would keep in state. */
    public static class Order {
        public long id;
        public String customer;
        public int quantity;
        public double price;
        public boolean express;

        public Order() {}

        Order(long id, String customer, int quantity, double price, boolean express) {
            this.id = id;
            this.customer = customer;
            this.quantity = quantity;
            this.price = price;
            this.express = express;
        }
    }

    /** Not a POJO (final fields, no no-arg constructor): what only the generic fallback handles in Weir. */
    public static final class Trade {
        private final long id;
        private final String symbol;
        private final double price;

        public Trade(long id, String symbol, double price) {
            this.id = id;
            this.symbol = symbol;
            this.price = price;
        }
    }

    @Param({"pojo", "tuple3", "nonPojo"})
    public String shape;

    private Object value;

    private Kryo kryo;
    private Output kryoOutput;
    private Input kryoInput;

    private Fory fory;
    private MemoryBuffer foryBuffer;

    private TypeSerializer<Object> weirBuiltIn;
    private TypeSerializer<Object> weirKryo;
    private final ReusableBytes bytes = new ReusableBytes();
    private final DataOutputStream dataOut = new DataOutputStream(bytes);
    private final ReusableInput input = new ReusableInput();
    private final DataInputStream dataIn = new DataInputStream(input);

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        switch (shape) {
            case "pojo": value = new Order(42L, "customer-17", 3, 19.99, true); break;
            case "tuple3": value = Tuple3.of(42L, "customer-17", 19.99); break;
            case "nonPojo": value = new Trade(42L, "customer-17", 19.99); break;
            default: throw new IllegalArgumentException("Unknown shape " + shape + "; allowed: pojo, tuple3, nonPojo.");
        }

        kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        kryoOutput = new Output(256, -1);
        kryoInput = new Input();

        fory = Fory.builder()
                .withLanguage(Language.JAVA)
                .requireClassRegistration(false)
                .suppressClassRegistrationWarnings(true)
                .withRefTracking(true)
                .build();
        foryBuffer = MemoryUtils.buffer(256);

        Class<Object> type = (Class<Object>) value.getClass();
        weirBuiltIn = Serializers.forClass(type);
        weirKryo = Serializers.kryo(type);
    }

    @Benchmark
    public Object kryo() {
        kryoOutput.reset();
        kryo.writeClassAndObject(kryoOutput, value);
        kryoInput.setBuffer(kryoOutput.getBuffer(), 0, kryoOutput.position());
        return kryo.readClassAndObject(kryoInput);
    }

    @Benchmark
    public Object fory() {
        foryBuffer.writerIndex(0);
        fory.serialize(foryBuffer, value);
        foryBuffer.readerIndex(0);
        return fory.deserialize(foryBuffer);
    }

    @Benchmark
    public Object weirBuiltIn() throws IOException {
        return roundTrip(weirBuiltIn);
    }

    @Benchmark
    public Object weirKryoFallback() throws IOException {
        return roundTrip(weirKryo);
    }

    private Object roundTrip(TypeSerializer<Object> serializer) throws IOException {
        bytes.count = 0;
        serializer.serialize(value, dataOut);
        input.reset(bytes.buf, bytes.count);
        return serializer.deserialize(dataIn);
    }

    /** An unsynchronized, reusable byte sink (ByteArrayOutputStream locks on every write). */
    private static final class ReusableBytes extends OutputStream {
        byte[] buf = new byte[256];
        int count;

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }
    }

    /** A byte source that can be pointed at new bytes without allocating. */
    private static final class ReusableInput extends ByteArrayInputStream {
        ReusableInput() {
            super(new byte[0]);
        }

        void reset(byte[] bytes, int length) {
            buf = bytes;
            pos = 0;
            count = length;
            mark = 0;
        }
    }
}

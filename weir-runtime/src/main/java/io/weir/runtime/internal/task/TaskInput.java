package io.weir.runtime.internal.task;

import io.weir.runtime.internal.io.InputGate;
import io.weir.runtime.internal.io.RecordBatch;
import io.weir.runtime.internal.io.StreamEvent;
import io.weir.runtime.internal.operators.StreamOperator;
import io.weir.runtime.internal.operators.TwoInputUdfOperator;

/**
 * The input side of a subtask with inputs: reads its gate, feeds records to the head of the
 * chain, and routes events: watermarks through the valve, barriers to alignment or to an
 * unaligned checkpoint, end-of-data and end-of-partition per channel. Task thread only.
 */
final class TaskInput {

    /** What the input asks of its task. */
    interface Owner {
        /** Takes checkpoint {@code id} now (snapshot, forward the barrier; unaligned = ahead of queued output). */
        void checkpoint(long id, long timestamp, long alignmentNanos, boolean unaligned) throws Exception;

        /** Every input channel delivered end-of-data. */
        void allInputsEnded() throws Exception;
    }

    private final TaskServices services;
    private final InputGate gate;
    private final StreamOperator head;
    /** The head as a two-input operator, else null. */
    private final TwoInputUdfOperator<?> twoInputHead;
    /** Per channel, whether it feeds the head's second input; null for a one-input head. */
    private final boolean[] secondInput;
    private final Owner owner;
    private final WatermarkValve valve;
    private final BarrierAligner aligner;
    private final UnalignedCheckpoints unaligned;
    private final boolean[] channelEndOfData;
    private int endOfDataChannels;

    /**
     * @param secondInput per channel, whether it feeds the second input of a two-input head; null for a one-input head.
     *                    Barrier alignment and the watermark valve span the channels of both inputs, so a checkpoint
     *                    waits for its barrier on every channel of either input, and the head's watermark is the minimum
     *                    over both.
     */
    TaskInput(TaskServices services, InputGate gate, StreamOperator head, boolean[] secondInput, String taskName, int subtask, Owner owner) {
        this.services = services;
        this.gate = gate;
        this.head = head;
        this.secondInput = secondInput;
        if (secondInput != null && !(head instanceof TwoInputUdfOperator)) {
            throw new IllegalStateException("Task '" + taskName + "': channels feed a second input, but its head operator '" + head.name()
                    + "' has one input.");
        }
        if (secondInput != null && secondInput.length != gate.size()) {
            throw new IllegalStateException("Task '" + taskName + "': " + secondInput.length + " channel roles for " + gate.size() + " channels.");
        }
        this.twoInputHead = secondInput == null ? null : (TwoInputUdfOperator<?>) head;
        this.owner = owner;
        this.channelEndOfData = new boolean[gate.size()];
        this.valve = new WatermarkValve(gate.size(), new WatermarkValve.Target() {
            @Override
            public void watermark(long watermark) {
                head.processWatermark(watermark);
            }

            @Override
            public void status(boolean idle) {
                head.processWatermarkStatus(idle);
            }
        });
        this.aligner = new BarrierAligner(services.checkpointingMode(), new BarrierAligner.Inputs() {
            @Override
            public int size() {
                return gate.size();
            }

            @Override
            public boolean isFinished(int channel) {
                return gate.isFinished(channel);
            }

            @Override
            public boolean isBlocked(int channel) {
                return gate.isBlocked(channel);
            }

            @Override
            public void block(int channel) {
                gate.block(channel);
            }

            @Override
            public void unblockAll() {
                gate.unblockAll();
            }
        }, (id, ts, alignmentNanos) -> owner.checkpoint(id, ts, alignmentNanos, false));
        this.unaligned = new UnalignedCheckpoints(services, gate, aligner, taskName, subtask, owner::checkpoint);
    }

    /** Before any new input after a restore: the records an unaligned checkpoint stored. */
    void replay(TaskRestore restore) throws Exception {
        UnalignedCheckpoints.replay(restore, this::processRecord);
    }

    /** Priority barriers, the aligned-checkpoint timeout, and captures that became complete. */
    void handlePriorityWork() throws Exception {
        unaligned.processPriorityEvents();
        unaligned.checkAlignmentTimeout();
        unaligned.maybeComplete();
    }

    /** Processes the next batch or event of a readable channel; false when none has one. */
    boolean processNext() throws Exception {
        Object e = gate.poll();
        if (e == null) {
            return false;
        }
        int channel = gate.lastChannel();
        unaligned.onConsumed(channel, e);
        if (e instanceof RecordBatch) {
            process(channel, (RecordBatch) e);
        } else {
            onEvent((StreamEvent) e, channel);
        }
        return true;
    }

    /** Feeds a batch of {@code channel} to the head, through the input that channel belongs to. */
    private void process(int channel, RecordBatch b) {
        int n = b.size();
        if (secondInput != null && secondInput[channel]) {
            for (int i = 0; i < n; i++) {
                twoInputHead.processElement2(b.record(i), b.timestamp(i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                head.processElement(b.record(i), b.timestamp(i));
            }
        }
    }

    private void processRecord(int channel, Object record, long timestamp) {
        if (secondInput != null && secondInput[channel]) {
            twoInputHead.processElement2(record, timestamp);
        } else {
            head.processElement(record, timestamp);
        }
    }

    private void onEvent(StreamEvent e, int channel) throws Exception {
        if (e instanceof StreamEvent.Watermark) {
            valve.onWatermark(channel, ((StreamEvent.Watermark) e).timestamp); // idle channels are left out
        } else if (e instanceof StreamEvent.WatermarkStatus) {
            valve.onStatus(channel, ((StreamEvent.WatermarkStatus) e).idle);
        } else if (e instanceof StreamEvent.Barrier) {
            StreamEvent.Barrier b = (StreamEvent.Barrier) e;
            if (!unaligned.onBarrier(channel, b.checkpointId, b.timestamp)) {
                aligner.onBarrier(channel, b.checkpointId, b.timestamp, services.clock().relativeTimeNanos());
            }
        } else if (e instanceof StreamEvent.EndOfData) {
            if (!channelEndOfData[channel]) {
                channelEndOfData[channel] = true;
                if (++endOfDataChannels == gate.size()) {
                    owner.allInputsEnded();
                }
            }
        } else if (e instanceof StreamEvent.EndOfPartition) {
            gate.markFinished(channel);
            unaligned.onEndOfPartition(channel);
            aligner.onEndOfPartition(services.clock().relativeTimeNanos());
        }
    }

    boolean allFinished() {
        return gate.allFinished();
    }

    boolean hasPriority() {
        return gate.hasPriority();
    }

    boolean hasReadableData() {
        return gate.hasReadableData();
    }

    /** The running capture of checkpoint {@code id}, or null when that checkpoint is aligned. */
    InFlightCapture captureFor(long id) {
        return unaligned.captureFor(id);
    }

    /** Checkpoint {@code id} was aborted: stop aligning for it or capturing for it. */
    void abort(long id) {
        aligner.abort(id);
        unaligned.abort(id);
    }
}

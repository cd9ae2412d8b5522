# Richards: Martin Richards' simulation of the task dispatcher of a small
# operating system (M. Richards, "Bench", BCPL, Cambridge 1980s; described in
# M. Wolczko's "Benchmarking Java with Richards and DeltaBlue"). Six tasks --
# one idle task, one worker, two handlers and two devices -- pass packets to
# each other through a priority scheduler until the idle task has run COUNT
# times; a correct run queues 23246 packets and holds a task 9297 times.
# Written here as small classes: stresses method calls, attribute access on
# instances, virtual dispatch through subclasses and linked-list handling.
import sys

COUNT = 10000
EXPECTED_QUEUED = 23246
EXPECTED_HELD = 9297

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4
LETTERS = "0ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# A task's state is three independent bits.
HAS_PACKET = 1
WAITING = 2
HELD = 4


class Packet:
    __slots__ = ("next", "owner", "kind", "count", "data")

    def __init__(self, next_packet, owner, kind):
        self.next = next_packet
        self.owner = owner
        self.kind = kind
        self.count = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        """Put self at the tail of the packet list queue; returns the head."""
        self.next = None
        if queue is None:
            return self
        tail = queue
        while tail.next is not None:
            tail = tail.next
        tail.next = self
        return queue


class Task:
    def __init__(self, system, ident, priority, queue, state):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state
        self.next = system.task_list
        system.task_list = self
        system.tasks[ident] = self

    def is_runnable(self):
        # Runnable unless held, or waiting with nothing in its queue.
        return not (self.state & HELD) and self.state != WAITING

    def take_packet(self):
        """If the task waits for a packet and one is queued, dequeue it."""
        if self.state == WAITING | HAS_PACKET:
            packet = self.queue
            self.queue = packet.next
            self.state = HAS_PACKET if self.queue is not None else 0
            return packet
        return None

    def receive(self, packet, current):
        """Queue packet here; returns the task that should run next."""
        if self.queue is None:
            self.queue = packet
            self.state |= HAS_PACKET
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, system, ident, priority, queue, state, count):
        super().__init__(system, ident, priority, queue, state)
        self.seed = 1
        self.remaining = count

    def run(self, packet):
        system = self.system
        self.remaining -= 1
        if self.remaining == 0:
            return system.hold_current()
        # A 16-bit feedback shift register chooses which device to wake.
        if self.seed & 1 == 0:
            self.seed >>= 1
            return system.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return system.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, ident, priority, queue, state):
        super().__init__(system, ident, priority, queue, state)
        self.destination = HANDLER_A
        self.letter = 0

    def run(self, packet):
        system = self.system
        if packet is None:
            return system.wait_current()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.owner = self.destination
        packet.count = 0
        data = packet.data
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = LETTERS[self.letter]
        return system.send(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue, state):
        super().__init__(system, ident, priority, queue, state)
        self.work = None      # work packets waiting to be written out
        self.devices = None   # device packets available to carry one datum

    def run(self, packet):
        system = self.system
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            index = work.count
            if index >= DATA_SIZE:
                # Every datum went out: return the work packet to the worker.
                self.work = work.next
                return system.send(work)
            device = self.devices
            if device is not None:
                self.devices = device.next
                device.count = work.data[index]
                work.count = index + 1
                return system.send(device)
        return system.wait_current()


class DeviceTask(Task):
    def __init__(self, system, ident, priority, queue, state):
        super().__init__(system, ident, priority, queue, state)
        self.pending = None

    def run(self, packet):
        system = self.system
        if packet is None:
            pending = self.pending
            if pending is None:
                return system.wait_current()
            self.pending = None
            return system.send(pending)
        self.pending = packet
        return system.hold_current()


class System:
    def __init__(self):
        self.task_list = None
        self.tasks = [None] * 7
        self.current = None
        self.queued = 0
        self.held = 0

    def hold_current(self):
        self.held += 1
        current = self.current
        current.state |= HELD
        return current.next

    def wait_current(self):
        self.current.state |= WAITING
        return self.current

    def release(self, ident):
        task = self.tasks[ident]
        task.state &= ~HELD
        if task.priority > self.current.priority:
            return task
        return self.current

    def send(self, packet):
        target = self.tasks[packet.owner]
        self.queued += 1
        packet.next = None
        packet.owner = self.current.ident
        return target.receive(packet, self.current)

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.is_runnable():
                self.current = task
                packet = task.take_packet()
                task = task.run(packet)
            else:
                task = task.next


def run_once(count):
    system = System()
    IdleTask(system, IDLE, 0, None, 0, count)
    work = Packet(None, 0, KIND_WORK)
    work = Packet(work, 0, KIND_WORK)
    WorkerTask(system, WORKER, 1000, work, WAITING | HAS_PACKET)
    for ident, priority, device in ((HANDLER_A, 2000, DEVICE_A), (HANDLER_B, 3000, DEVICE_B)):
        queue = None
        for _ in range(3):
            queue = Packet(queue, device, KIND_DEVICE)
        HandlerTask(system, ident, priority, queue, WAITING | HAS_PACKET)
    DeviceTask(system, DEVICE_A, 4000, None, WAITING)
    DeviceTask(system, DEVICE_B, 5000, None, WAITING)
    system.schedule()
    return system.queued, system.held


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    ok = 0
    for _ in range(iterations):
        queued, held = run_once(COUNT)
        if queued == EXPECTED_QUEUED and held == EXPECTED_HELD:
            ok += 1
    print("richards", iterations, "runs:", queued, "packets queued,", held, "holds,", ok, "correct")


main()

import type { Channel } from '../../lib/room/channel';
import {
  type ChannelRoom,
  type ChannelUnderTest,
  describeChannelContract,
} from '../helpers/channel-contract';
import {
  type MemoryChannel,
  MemoryNetwork,
  type MemoryNetworkOptions,
} from '../helpers/memory-channel';
import { seededRandom } from '../helpers/test-network';

/**
 * The channel contract (tests/helpers/channel-contract.ts) against the in-memory double, in
 * each of its modes. The real WebRTC mesh runs the same contract in Chromium
 * (tests/e2e/mesh-contract.test.ts).
 */
function memoryChannels(options: MemoryNetworkOptions): ChannelUnderTest {
  const held = options.mode === 'manual';
  return {
    chunks: options.chunks ?? true,
    controlled: held,
    setStatus: async (channel, status) => (channel as MemoryChannel).setStatus(status),
    async open(count, setup) {
      const network = new MemoryNetwork(options);
      const channels: MemoryChannel[] = [];
      let seed = 1;
      const room: ChannelRoom = {
        channels,
        idOf: (channel: Channel) => (channel as MemoryChannel).id,
        network: held ? network : undefined,
        async until(done, what) {
          if (held) network.flush(seededRandom(seed++));
          if (!done()) throw new Error(`memory channel: never happened: ${what}`);
        },
        async join(setupJoiner) {
          const channel = network.channel();
          setupJoiner?.(channel);
          channels.push(channel);
          network.connect(channel);
          return channel;
        },
        async leave(channel) {
          channel.destroy();
          channels.splice(channels.indexOf(channel as MemoryChannel), 1);
        },
        async close() {
          for (const channel of channels.splice(0)) channel.destroy();
        },
      };
      for (let i = 0; i < count; i++) await room.join((channel) => setup?.(channel, i));
      return room;
    },
  };
}

describeChannelContract('in-memory, delivered at once', memoryChannels({ mode: 'auto' }));
describeChannelContract('in-memory, frames held in flight', memoryChannels({ mode: 'manual' }));
describeChannelContract(
  'in-memory, held, 1 KiB frames and 8 KiB high water',
  memoryChannels({
    mode: 'manual',
    maxFrameBytes: 1024,
    highWaterBytes: 8 * 1024,
    lowWaterBytes: 2 * 1024,
  }),
);
describeChannelContract(
  'in-memory, peers without chunking',
  memoryChannels({ mode: 'auto', chunks: false }),
);
describeChannelContract(
  'in-memory, held, peers without chunking, 8 KiB frames',
  memoryChannels({ mode: 'manual', chunks: false, maxFrameBytes: 8 * 1024 }),
);

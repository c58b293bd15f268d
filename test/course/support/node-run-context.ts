// A run context for calling the course functions directly in a Node test: the
// real MNIST files from public/data, no events, no sandbox around it.
import type { RunContext } from '../../../src/course/context.ts';
import { nodeTransport } from '../../../src/data/transports/node.ts';

export function nodeRunContext(runId: string): RunContext {
  return {
    runId,
    locale: 'en',
    environment: 'node',
    emit: () => {},
    transport: nodeTransport('public/data'),
    dataProgress: () => {},
    dataTensors: new Set(),
    savedModels: [],
    nextFitId: () => 1,
  };
}

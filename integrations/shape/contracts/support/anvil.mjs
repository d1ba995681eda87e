// A real anvil node for the contract tests: started on a free loopback port, spoken to in raw
// JSON-RPC, stopped by the test (and killed if the test process exits first). Transactions come
// from anvil's unlocked dev accounts through eth_sendTransaction: anvil signs them.
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';

import {repoRoot} from '../compile.mjs';

/// A failed JSON-RPC request. For a reverted call or transaction, `data` is the revert data.
export class RpcError extends Error {
    constructor(method, error) {
        super(`${method}: ${error.message}`);
        this.code = error.code;
        this.data = typeof error.data === 'string' ? error.data : undefined;
    }
}

/// A transaction that passed its eth_call on the pending block but reverted once mined.
export class RevertedTransaction extends Error {
    constructor(receipt) {
        super(`transaction ${receipt.transactionHash} reverted`);
        this.receipt = receipt;
    }
}

function anvilBinary() {
    // The npm package's platform part holds the binary; its bin.mjs would only wrap it in a node
    // process, which a kill would not reach.
    const arch = {x64: 'amd64', arm64: 'arm64'}[process.arch];
    const path = join(
        repoRoot, 'node_modules', '@foundry-rs', `anvil-${process.platform}-${arch}`, 'bin',
        'anvil');
    if (!existsSync(path)) {
        throw new Error(`anvil is not installed at ${path}: run scripts/install-deps.sh (npm ci)`);
    }
    return path;
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const {port} = server.address();
            server.close(() => resolve(port));
        });
    });
}

const kGasLimit =
    10_000_000n;  // a third of anvil's block gas limit: any of these transactions fits

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Anvil {
    constructor(child, url, output) {
        this.child = child;
        this.url = url;
        this.output = output;
        this.accounts = [];
        this.nextId = 1;
    }

    async rpc(method, params = []) {
        const response = await fetch(this.url, {
            method: 'POST',
            headers: {'content-type': 'application/json'},
            body: JSON.stringify({jsonrpc: '2.0', id: this.nextId++, method, params}),
        });
        const body = await response.json();
        if (body.error) throw new RpcError(method, body.error);
        return body.result;
    }

    /// Sends a transaction from an unlocked account and returns its receipt (anvil mines each one
    /// at once). It is first run as an eth_call on the pending block, so that a revert throws an
    /// RpcError with its data (a mined revert keeps no data). The gas limit is fixed rather than
    /// estimated: an estimate is the least gas that succeeds, and with it a call that a contract
    /// wraps in try/catch could fail for want of gas instead of for its reason.
    async send({from, to, data, value = 0n, gas = kGasLimit}) {
        const tx = {
            from,
            data,
            value: `0x${BigInt(value).toString(16)}`,
            gas: `0x${BigInt(gas).toString(16)}`
        };
        if (to) tx.to = to;
        await this.rpc('eth_call', [tx, 'pending']);
        const hash = await this.rpc('eth_sendTransaction', [tx]);
        const receipt = await this.receipt(hash);
        if (receipt.status !== '0x1') throw new RevertedTransaction(receipt);
        return receipt;
    }

    /// The receipt of a sent transaction: null for the moment between anvil's answer to
    /// eth_sendTransaction and the block it mines.
    async receipt(hash) {
        for (let waitedMs = 0; waitedMs < 10000; waitedMs += 5) {
            const receipt = await this.rpc('eth_getTransactionReceipt', [hash]);
            if (receipt) return receipt;
            await sleep(5);
        }
        throw new Error(`no receipt for ${hash} after 10 s`);
    }

    async call({from, to, data}) {
        return this.rpc('eth_call', [{from, to, data}, 'latest']);
    }

    async keccak256(hex) {
        return this.rpc('web3_sha3', [hex]);
    }

    async timestamp() {
        const block = await this.rpc('eth_getBlockByNumber', ['latest', false]);
        return BigInt(block.timestamp);
    }

    async balance(address) {
        return BigInt(await this.rpc('eth_getBalance', [address, 'latest']));
    }

    async setBalance(address, wei) {
        await this.rpc('anvil_setBalance', [address, `0x${BigInt(wei).toString(16)}`]);
    }

    /// Moves the chain's clock: the next block is mined `seconds` later than it would have been.
    async increaseTime(seconds) {
        await this.rpc('evm_increaseTime', [Number(seconds)]);
        await this.rpc('evm_mine', []);
    }

    /// The next block (the next transaction's) gets exactly this timestamp.
    async setNextTimestamp(seconds) {
        await this.rpc('evm_setNextBlockTimestamp', [Number(seconds)]);
    }

    async stop() {
        if (this.child.exitCode !== null || this.child.signalCode !== null) return;
        const exited = new Promise((resolve) => this.child.once('exit', resolve));
        this.child.kill('SIGTERM');
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
        await exited;
        clearTimeout(timer);
    }
}

async function startOnce(port) {
    const child = spawn(
        anvilBinary(), ['--host', '127.0.0.1', '--port', String(port), '--hardfork', 'cancun'], {
            stdio: ['ignore', 'pipe', 'pipe'],
        });
    // A test process that dies (an uncaught error, the CTest timeout's SIGTERM) takes anvil along.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));

    let output = '';
    const collect = (chunk) => {
        output = (output + chunk).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let spawnError = null;
    child.once('error', (error) => {
        spawnError = error;
    });

    const anvil = new Anvil(child, `http://127.0.0.1:${port}`, () => output);
    for (let waitedMs = 0; waitedMs < 10000; waitedMs += 20) {
        if (spawnError) throw spawnError;
        if (child.exitCode !== null) return {anvil: null, output};
        try {
            anvil.accounts = (await anvil.rpc('eth_accounts')).map((a) => a.toLowerCase());
            return {anvil, output};
        } catch {
            await sleep(20);
        }
    }
    await anvil.stop();
    throw new Error(`anvil did not answer on port ${port} within 10 s:\n${output}`);
}

/// Starts anvil on a free 127.0.0.1 port (another process can take the port between the check
/// and anvil's bind: then it tries another) and waits until it answers.
export async function startAnvil() {
    let lastOutput = '';
    for (let attempt = 0; attempt < 5; ++attempt) {
        const {anvil, output} = await startOnce(await freePort());
        if (anvil) return anvil;
        lastOutput = output;
    }
    throw new Error(`anvil exited before answering, five times:\n${lastOutput}`);
}

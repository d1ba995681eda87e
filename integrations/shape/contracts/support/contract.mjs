// A deployed contract as the tests see it: calls and transactions by function name, results,
// revert reasons and events decoded from the ABI.
import assert from 'node:assert/strict';

import {decodeArgs, encodeArgs, signature} from './abi.mjs';
import {RpcError} from './anvil.mjs';

const types = (params) => params.map((p) => p.type);

/// solc's output for one contract ({abi, evm: {...}}) or a committed artifact, in one shape.
function normalize(compiled) {
    if (compiled.evm) {
        return {
            abi: compiled.abi,
            bytecode: `0x${compiled.evm.bytecode.object}`,
            methodIdentifiers: compiled.evm.methodIdentifiers,
        };
    }
    return compiled;
}

export class Contract {
    static async deploy(anvil, compiled, args, {from, value} = {}) {
        const {abi, bytecode} = normalize(compiled);
        const constructor = abi.find((entry) => entry.type === 'constructor');
        const data = bytecode + encodeArgs(constructor ? types(constructor.inputs) : [], args);
        const receipt = await anvil.send({from: from ?? anvil.accounts[0], data, value});
        const contract = await Contract.at(anvil, compiled, receipt.contractAddress);
        contract.deployReceipt = receipt;
        return contract;
    }

    static async at(anvil, compiled, address) {
        const contract = new Contract(anvil, normalize(compiled), address);
        // Selectors of errors and topics of events: keccak-256 of their signatures.
        for (const entry of contract.abi.filter((e) => e.type === 'error' || e.type === 'event')) {
            const hash =
                await anvil.keccak256(`0x${Buffer.from(signature(entry)).toString('hex')}`);
            if (entry.type === 'error')
                contract.errors.set(hash.slice(0, 10), entry);
            else
                contract.events.set(hash, entry);
        }
        return contract;
    }

    constructor(anvil, {abi, methodIdentifiers}, address) {
        this.anvil = anvil;
        this.abi = abi;
        this.methodIdentifiers = methodIdentifiers;
        this.address = address.toLowerCase();
        this.errors = new Map();
        this.events = new Map();
    }

    /// The ABI entry of a function, by name (or by full signature where overloaded).
    fn(name) {
        const matches = this.abi.filter(
            (e) => e.type === 'function' && (e.name === name || signature(e) === name));
        assert.equal(matches.length, 1, `${matches.length} functions match ${name}`);
        return matches[0];
    }

    encode(name, args) {
        const entry = this.fn(name);
        return `0x${this.methodIdentifiers[signature(entry)]}${
            encodeArgs(types(entry.inputs), args)}`;
    }

    /// An eth_call: the decoded result (the value itself where there is one output).
    async call(name, args = [], {from} = {}) {
        const entry = this.fn(name);
        const result = decodeArgs(
            types(entry.outputs),
            await this.anvil.call({from, to: this.address, data: this.encode(name, args)}));
        return entry.outputs.length === 1 ? result[0] : result;
    }

    /// A transaction calling `name`: its receipt, with `events` decoded.
    async send(name, args = [], {from, value} = {}) {
        assert.ok(from, `who sends ${name}?`);
        const receipt =
            await this.anvil.send({from, to: this.address, data: this.encode(name, args), value});
        receipt.events = this.decodeEvents(receipt);
        return receipt;
    }

    /// A plain ETH transfer to the contract (its receive function).
    async transfer({from, value}) {
        const receipt = await this.anvil.send({from, to: this.address, data: '0x', value});
        receipt.events = this.decodeEvents(receipt);
        return receipt;
    }

    /// This contract's events in a receipt: [{name, args: {field: value}}] in log order.
    decodeEvents(receipt) {
        return receipt.logs
            .filter(
                (log) =>
                    log.address.toLowerCase() === this.address && this.events.has(log.topics[0]))
            .map((log) => {
                const entry = this.events.get(log.topics[0]);
                const indexed = entry.inputs.filter((i) => i.indexed);
                const plain = entry.inputs.filter((i) => !i.indexed);
                const topicValues =
                    indexed.map((input, i) => decodeArgs([input.type], log.topics[i + 1])[0]);
                const dataValues = decodeArgs(types(plain), log.data);
                const args = {};
                indexed.forEach((input, i) => (args[input.name] = topicValues[i]));
                plain.forEach((input, i) => (args[input.name] = dataValues[i]));
                return {name: entry.name, args};
            });
    }

    /// A revert's data as {name, args: [...]}, or the raw data if no error of the ABI matches.
    decodeError(data) {
        const entry = this.errors.get(data.slice(0, 10));
        if (!entry) return {name: null, data};
        return {name: entry.name, args: decodeArgs(types(entry.inputs), data.slice(10))};
    }

    /// Awaits `promise` (a call or send), which must revert with error `name`; with `args`, those
    /// too. Returns the decoded error.
    async expectRevert(promise, name, args) {
        let error;
        try {
            await promise;
        } catch (e) {
            error = e;
        }
        assert.ok(error, `expected a revert with ${name}, but it succeeded`);
        if (!(error instanceof RpcError) || error.data === undefined) throw error;
        const decoded = this.decodeError(error.data);
        assert.equal(
            decoded.name, name,
            `expected ${name}, got ${decoded.name ?? error.data} (${error.message})`);
        if (args !== undefined) assert.deepEqual(decoded.args, args);
        return decoded;
    }
}

// The few pieces of the Solidity ABI the contract tests need: encoding call arguments and decoding
// results, errors and events for the types the contracts use (uintN, address, bool, bytesN,
// string, bytes and arrays of static types). Selectors come from solc's methodIdentifiers; the
// keccak-256 of error and event signatures is the caller's (anvil's web3_sha3).

const kWord = 64;  // hex digits in one 32-byte word

function isDynamic(type) {
    return type === 'string' || type === 'bytes' || type.endsWith('[]');
}

function word(value) {
    const big = BigInt(value);
    if (big < 0n || big >= 1n << 256n) throw new RangeError(`${value} does not fit in a uint256`);
    return big.toString(16).padStart(kWord, '0');
}

function strip0x(hex) {
    return hex.startsWith('0x') ? hex.slice(2) : hex;
}

function encodeStatic(type, value) {
    if (type.startsWith('uint')) return word(value);
    if (type === 'address') {
        const hex = strip0x(value);
        if (!/^[0-9a-fA-F]{40}$/.test(hex)) throw new TypeError(`not an address: ${value}`);
        return hex.toLowerCase().padStart(kWord, '0');
    }
    if (type === 'bool') return word(value ? 1 : 0);
    if (/^bytes\d+$/.test(type)) return strip0x(value).padEnd(kWord, '0');
    throw new TypeError(`unsupported ABI type ${type}`);
}

function encodeBytes(hex) {
    const padded = hex.padEnd(Math.ceil(hex.length / kWord) * kWord, '0');
    return word(hex.length / 2) + padded;
}

function encodeDynamic(type, value) {
    if (type === 'string') return encodeBytes(Buffer.from(value, 'utf8').toString('hex'));
    if (type === 'bytes') return encodeBytes(strip0x(value));
    const element = type.slice(0, -2);
    return word(value.length) + value.map((v) => encodeStatic(element, v)).join('');
}

/// The ABI encoding of `values` as a tuple of `types`, as hex without 0x.
export function encodeArgs(types, values) {
    if (types.length !== values.length) {
        throw new TypeError(`${types.length} arguments expected, ${values.length} given`);
    }
    let heads = '';
    let tails = '';
    const headBytes = 32 * types.length;
    types.forEach((type, i) => {
        if (isDynamic(type)) {
            heads += word(headBytes + tails.length / 2);
            tails += encodeDynamic(type, values[i]);
        } else {
            heads += encodeStatic(type, values[i]);
        }
    });
    return heads + tails;
}

function wordAt(hex, byteOffset) {
    const at = byteOffset * 2;
    if (hex.length < at + kWord)
        throw new RangeError(`ABI data ends before byte ${byteOffset + 32}`);
    return hex.slice(at, at + kWord);
}

function decodeStatic(type, w) {
    if (type.startsWith('uint')) return BigInt(`0x${w}`);
    if (type === 'address') return `0x${w.slice(24)}`;
    if (type === 'bool') return BigInt(`0x${w}`) !== 0n;
    if (/^bytes\d+$/.test(type)) return `0x${w.slice(0, Number(type.slice(5)) * 2)}`;
    throw new TypeError(`unsupported ABI type ${type}`);
}

function decodeDynamic(type, hex, offset) {
    const length = Number(BigInt(`0x${wordAt(hex, offset)}`));
    if (type === 'string' || type === 'bytes') {
        const body = hex.slice((offset + 32) * 2, (offset + 32 + length) * 2);
        if (body.length !== length * 2) throw new RangeError(`ABI ${type} ends early`);
        return type === 'string' ? Buffer.from(body, 'hex').toString('utf8') : `0x${body}`;
    }
    const element = type.slice(0, -2);
    return Array.from(
        {length}, (_, i) => decodeStatic(element, wordAt(hex, offset + 32 * (i + 1))));
}

/// Decodes ABI data (hex, with or without 0x) as a tuple of `types`: uintN as BigInt, addresses
/// as lower-case hex, bytes as hex, strings as strings.
export function decodeArgs(types, data) {
    const hex = strip0x(data);
    return types.map((type, i) => {
        const head = wordAt(hex, 32 * i);
        return isDynamic(type) ? decodeDynamic(type, hex, Number(BigInt(`0x${head}`))) :
                                 decodeStatic(type, head);
    });
}

/// "name(type1,type2)" of an ABI entry: what its selector or topic is the keccak-256 of.
export function signature(entry) {
    return `${entry.name}(${entry.inputs.map((input) => input.type).join(',')})`;
}

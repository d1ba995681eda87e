// After an unclaimed deadline: the runner-up's turn (reassign), or the end of the lot (cancel).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';

import {
    deadlineIn,
    deployHouse,
    gasUsed,
    kHour,
    kPriceWei,
    kTokenURI,
    reserve,
    Status,
    useAnvil,
} from '../support/fixture.mjs';

const env = useAnvil();
const kRunnerUpPriceWei = kPriceWei - 1_000_000_000_000_000n;

describe('reassign', () => {
    test('before the deadline has passed it is refused, also in the deadline second', async () => {
        const {roles, anvil} = env;
        const house = await deployHouse(env);
        const deadline = await deadlineIn(env);
        await reserve(env, house, {auctionId: 1n, buyer: roles.buyer, deadline});
        const later = deadline + kHour;
        const reassign = () => house.send(
            'reassign', [1n, roles.runnerUp, kRunnerUpPriceWei, later], {from: roles.operator});
        await house.expectRevert(reassign(), 'DeadlineNotPassed', [1n, deadline]);
        await anvil.setNextTimestamp(deadline);
        await house.expectRevert(reassign(), 'DeadlineNotPassed', [1n, deadline]);
        assert.deepEqual(
            await house.call('reservation', [1n]), [Status.Open, roles.buyer, kPriceWei, deadline]);
    });

    test(
        'after an unclaimed deadline the runner-up claims at its price; the winner cannot',
        async (t) => {
            const {roles, anvil} = env;
            const house = await deployHouse(env);
            await reserve(env, house, {auctionId: 3n, buyer: roles.buyer});
            await anvil.increaseTime(kHour + 1n);
            const deadline = await deadlineIn(env);
            const receipt = await house.send(
                'reassign', [3n, roles.runnerUp, kRunnerUpPriceWei, deadline],
                {from: roles.operator});
            assert.deepEqual(receipt.events, [{
                                 name: 'Reassigned',
                                 args: {
                                     auctionId: 3n,
                                     buyer: roles.runnerUp,
                                     previousBuyer: roles.buyer,
                                     priceWei: kRunnerUpPriceWei,
                                     deadline
                                 },
                             }]);
            assert.deepEqual(
                await house.call('reservation', [3n]),
                [Status.Open, roles.runnerUp, kRunnerUpPriceWei, deadline]);
            assert.deepEqual(await house.call('openAuctionsOf', [roles.buyer]), []);
            assert.deepEqual(await house.call('openAuctionsOf', [roles.runnerUp]), [3n]);

            await house.expectRevert(
                house.send('claim', [3n], {from: roles.buyer, value: kPriceWei}), 'NotTheBuyer',
                [3n, roles.buyer, roles.runnerUp]);
            await house.expectRevert(
                house.transfer({from: roles.buyer, value: kPriceWei}), 'NoOpenReservation',
                [roles.buyer]);
            await house.expectRevert(
                house.send('claim', [3n], {from: roles.runnerUp, value: kPriceWei}), 'WrongAmount',
                [3n, kRunnerUpPriceWei, kPriceWei]);
            await house.send('claim', [3n], {from: roles.runnerUp, value: kRunnerUpPriceWei});
            assert.equal(await house.call('ownerOf', [3n]), roles.runnerUp);
            assert.equal(await house.call('tokenURI', [3n]), kTokenURI);
            assert.equal(await anvil.balance(house.address), kRunnerUpPriceWei);
            t.diagnostic(`gas used: reassign ${gasUsed(receipt)}`);
        });

    test('only the operator reassigns', async () => {
        const {roles, anvil} = env;
        const house = await deployHouse(env);
        await reserve(env, house, {auctionId: 1n, buyer: roles.buyer});
        await anvil.increaseTime(kHour + 1n);
        const deadline = await deadlineIn(env);
        for (const from of [roles.treasury, roles.runnerUp]) {
            await house.expectRevert(
                house.send('reassign', [1n, roles.runnerUp, kPriceWei, deadline], {from}),
                'NotOperator', [from]);
        }
    });

    test('a claimed or never reserved auction cannot be reassigned', async () => {
        const {roles, anvil} = env;
        const house = await deployHouse(env);
        await reserve(env, house, {auctionId: 1n, buyer: roles.buyer});
        await house.send('claim', [1n], {from: roles.buyer, value: kPriceWei});
        await anvil.increaseTime(kHour + 1n);
        const deadline = await deadlineIn(env);
        const reassign = (auctionId) => house.send(
            'reassign', [auctionId, roles.runnerUp, kPriceWei, deadline], {from: roles.operator});
        await house.expectRevert(reassign(1n), 'NotOpen', [1n, Status.Claimed]);
        await house.expectRevert(reassign(2n), 'NotOpen', [2n, Status.None]);
    });

    test('the runner-up needs an address and a deadline in the future', async () => {
        const {roles, anvil} = env;
        const house = await deployHouse(env);
        await reserve(env, house, {auctionId: 1n, buyer: roles.buyer});
        await anvil.increaseTime(kHour + 1n);
        const zero = `0x${'0'.repeat(40)}`;
        const past = await anvil.timestamp();
        await house.expectRevert(
            house.send(
                'reassign', [1n, zero, kPriceWei, await deadlineIn(env)], {from: roles.operator}),
            'InvalidBuyer',
            [zero],
        );
        const refused = await house.expectRevert(
            house.send('reassign', [1n, roles.runnerUp, kPriceWei, past], {from: roles.operator}),
            'DeadlineNotInFuture',
        );
        assert.equal(refused.args[0], past);
    });

    test(
        'a second runner-up follows the first when that one lets the deadline pass too',
        async () => {
            const {roles, anvil} = env;
            const house = await deployHouse(env);
            await reserve(env, house, {auctionId: 1n, buyer: roles.buyer});
            await anvil.increaseTime(kHour + 1n);
            await house.send(
                'reassign', [1n, roles.runnerUp, kPriceWei, await deadlineIn(env)],
                {from: roles.operator});
            await anvil.increaseTime(kHour + 1n);
            await house.send(
                'reassign', [1n, roles.other, kPriceWei, await deadlineIn(env)],
                {from: roles.operator});
            await house.expectRevert(
                house.send('claim', [1n], {from: roles.runnerUp, value: kPriceWei}), 'NotTheBuyer',
                [1n, roles.runnerUp, roles.other]);
            await house.send('claim', [1n], {from: roles.other, value: kPriceWei});
            assert.equal(await house.call('ownerOf', [1n]), roles.other);
        });
});

describe('cancel', () => {
    test('before the last deadline has passed it is refused', async () => {
        const {roles} = env;
        const house = await deployHouse(env);
        const deadline = await deadlineIn(env);
        await reserve(env, house, {auctionId: 1n, buyer: roles.buyer, deadline});
        await house.expectRevert(
            house.send('cancel', [1n], {from: roles.operator}), 'DeadlineNotPassed',
            [1n, deadline]);
    });

    test(
        'after the last deadline it ends the auction for good: no claim, no reservation, no token',
        async (t) => {
            const {roles, anvil} = env;
            const house = await deployHouse(env);
            const deadline = await deadlineIn(env);
            await reserve(env, house, {auctionId: 1n, buyer: roles.buyer, deadline});
            await anvil.increaseTime(kHour + 1n);
            const receipt = await house.send('cancel', [1n], {from: roles.operator});
            assert.deepEqual(
                receipt.events, [{name: 'Cancelled', args: {auctionId: 1n, buyer: roles.buyer}}]);
            assert.deepEqual(
                await house.call('reservation', [1n]),
                [Status.Cancelled, roles.buyer, kPriceWei, deadline]);
            assert.deepEqual(await house.call('openAuctionsOf', [roles.buyer]), []);

            await house.expectRevert(
                house.send('claim', [1n], {from: roles.buyer, value: kPriceWei}), 'NotOpen',
                [1n, Status.Cancelled]);
            await house.expectRevert(
                house.send('cancel', [1n], {from: roles.operator}), 'NotOpen',
                [1n, Status.Cancelled]);
            await house.expectRevert(
                house.send(
                    'reassign', [1n, roles.runnerUp, kPriceWei, await deadlineIn(env)],
                    {from: roles.operator}),
                'NotOpen',
                [1n, Status.Cancelled],
            );
            await house.expectRevert(
                reserve(env, house, {auctionId: 1n, buyer: roles.runnerUp}), 'AlreadyReserved',
                [1n]);
            await house.expectRevert(house.call('ownerOf', [1n]), 'ERC721NonexistentToken', [1n]);
            t.diagnostic(`gas used: cancel ${gasUsed(receipt)}`);
        });

    test('only the operator cancels', async () => {
        const {roles, anvil} = env;
        const house = await deployHouse(env);
        await reserve(env, house, {auctionId: 1n, buyer: roles.buyer});
        await anvil.increaseTime(kHour + 1n);
        for (const from of [roles.treasury, roles.buyer]) {
            await house.expectRevert(house.send('cancel', [1n], {from}), 'NotOperator', [from]);
        }
    });
});

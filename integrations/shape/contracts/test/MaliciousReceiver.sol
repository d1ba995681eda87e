// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

interface IAuctionHouse {
    function claim(uint256 auctionId) external payable;
    function reservation(uint256 auctionId)
        external
        view
        returns (uint8 status, address buyer, uint256 priceWei, uint64 deadline);
}

/// Test helper: a buyer that is a contract and, when the house mints its token, tries from inside
/// onERC721Received to claim the same lot again (by claim() or by a plain transfer) and records what
/// it saw: the auction's status during the mint, whether the re-entry got through, and its error.
contract MaliciousReceiver is IERC721Receiver {
    enum Attack {
        None,
        ClaimAgain,
        PayAgain
    }

    IAuctionHouse public immutable house;
    Attack public attack;
    uint256 public callbacks;
    uint8 public statusDuringMint;
    bool public reentered;
    bytes public reentryError;

    constructor(IAuctionHouse house_) {
        house = house_;
    }

    receive() external payable {}

    function setAttack(Attack attack_) external {
        attack = attack_;
    }

    function claim(uint256 auctionId) external payable {
        house.claim{value: msg.value}(auctionId);
    }

    function onERC721Received(address, address, uint256 tokenId, bytes calldata) external returns (bytes4) {
        ++callbacks;
        (uint8 status,, uint256 priceWei,) = house.reservation(tokenId);
        statusDuringMint = status;
        if (attack == Attack.ClaimAgain) {
            try house.claim{value: priceWei}(tokenId) {
                reentered = true;
            } catch (bytes memory reason) {
                reentryError = reason;
            }
        } else if (attack == Attack.PayAgain) {
            (bool ok, bytes memory reason) = address(house).call{value: priceWei}("");
            reentered = ok;
            reentryError = reason;
        }
        return IERC721Receiver.onERC721Received.selector;
    }
}

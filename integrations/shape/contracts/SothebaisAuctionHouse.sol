// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/// @title SothebAIs auction house: settles on chain the auctions whose bids were taken off chain.
/// @notice The studio's operator key reserves each auction's lot for its winner at the winning price;
/// the winner claims it by paying exactly that price by the deadline and receives token `auctionId`.
/// Unclaimed, the lot passes to the runner-up (`reassign`) or is dropped (`cancel`). Proceeds stay
/// here until the owner, the treasury, withdraws them: the operator key is hot and can move no money.
contract SothebaisAuctionHouse is ERC721, Ownable2Step, Pausable, ReentrancyGuard {
    using EnumerableSet for EnumerableSet.UintSet;

    /// None: never reserved. Open: waiting for its buyer's claim. Claimed: paid and minted.
    /// Cancelled: no buyer paid in time; the auction id can never be reserved again.
    enum Status {
        None,
        Open,
        Claimed,
        Cancelled
    }

    struct Reservation {
        address buyer;
        uint64 deadline; // last second (unix time) at which the buyer's claim is accepted
        Status status;
        uint256 priceWei;
        string tokenURI; // the lot's metadata, hosted elsewhere (ipfs://...), never by the studio
    }

    /// The studio's hot key: reserves, reassigns and cancels, nothing else.
    address public operator;

    mapping(uint256 auctionId => Reservation) private _reservations;
    // Which auctions each buyer may claim now, so that a plain transfer finds the one it pays for.
    mapping(address buyer => EnumerableSet.UintSet) private _openAuctions;

    event Reserved(
        uint256 indexed auctionId, address indexed buyer, uint256 priceWei, uint64 deadline, string tokenURI
    );
    event Reassigned(
        uint256 indexed auctionId,
        address indexed buyer,
        address indexed previousBuyer,
        uint256 priceWei,
        uint64 deadline
    );
    event Claimed(uint256 indexed auctionId, address indexed buyer, uint256 priceWei);
    event Cancelled(uint256 indexed auctionId, address indexed buyer);
    event OperatorChanged(address indexed previousOperator, address indexed newOperator);
    event Withdrawn(address indexed treasury, uint256 amountWei);

    error NotOperator(address caller);
    error InvalidBuyer(address buyer);
    error DeadlineNotInFuture(uint64 deadline, uint256 blockTimestamp);
    error EmptyTokenURI(uint256 auctionId);
    error AlreadyReserved(uint256 auctionId);
    error NotOpen(uint256 auctionId, Status status);
    error NotTheBuyer(uint256 auctionId, address caller, address buyer);
    error DeadlinePassed(uint256 auctionId, uint64 deadline);
    error DeadlineNotPassed(uint256 auctionId, uint64 deadline);
    error WrongAmount(uint256 auctionId, uint256 priceWei, uint256 sentWei);
    error NoOpenReservation(address sender);
    error SeveralOpenReservations(address sender, uint256 count);
    error NothingToWithdraw();
    error RenounceDisabled();

    modifier onlyOperator() {
        if (msg.sender != operator) revert NotOperator(msg.sender);
        _;
    }

    constructor(string memory name_, string memory symbol_, address treasury, address operator_)
        ERC721(name_, symbol_)
        Ownable(treasury)
    {
        _setOperator(operator_);
    }

    // ---- the operator: reservations ----

    /// Reserves auction `auctionId` for `buyer`, who may claim it for exactly `priceWei` until
    /// `deadline`. One reservation per auction, ever.
    function reserve(uint256 auctionId, address buyer, uint256 priceWei, uint64 deadline, string calldata uri)
        external
        onlyOperator
        whenNotPaused
    {
        Reservation storage r = _reservations[auctionId];
        if (r.status != Status.None) revert AlreadyReserved(auctionId);
        _checkTurn(buyer, deadline);
        if (bytes(uri).length == 0) revert EmptyTokenURI(auctionId);

        r.buyer = buyer;
        r.deadline = deadline;
        r.status = Status.Open;
        r.priceWei = priceWei;
        r.tokenURI = uri;
        _openAuctions[buyer].add(auctionId);
        emit Reserved(auctionId, buyer, priceWei, deadline, uri);
    }

    /// Gives an open auction whose deadline passed unclaimed to the next bidder in line.
    function reassign(uint256 auctionId, address runnerUp, uint256 priceWei, uint64 deadline)
        external
        onlyOperator
        whenNotPaused
    {
        Reservation storage r = _expiredReservation(auctionId);
        _checkTurn(runnerUp, deadline);

        address previousBuyer = r.buyer;
        _openAuctions[previousBuyer].remove(auctionId);
        r.buyer = runnerUp;
        r.deadline = deadline;
        r.priceWei = priceWei;
        _openAuctions[runnerUp].add(auctionId);
        emit Reassigned(auctionId, runnerUp, previousBuyer, priceWei, deadline);
    }

    /// Drops an open auction whose last deadline passed unclaimed; its token is never minted.
    /// Allowed while paused: it only takes a claim away that could no longer be made.
    function cancel(uint256 auctionId) external onlyOperator {
        Reservation storage r = _expiredReservation(auctionId);
        r.status = Status.Cancelled;
        _openAuctions[r.buyer].remove(auctionId);
        emit Cancelled(auctionId, r.buyer);
    }

    // ---- the buyer: claims ----

    /// Pays for and receives token `auctionId`: only its buyer, by the deadline, exactly the price.
    function claim(uint256 auctionId) external payable nonReentrant whenNotPaused {
        _claim(auctionId);
    }

    /// A plain transfer from a buyer claims the one auction open for them: wallets that cannot
    /// call a function can still pay. With several open, which one is meant is unknown: refused.
    receive() external payable nonReentrant whenNotPaused {
        EnumerableSet.UintSet storage open = _openAuctions[msg.sender];
        uint256 count = open.length();
        if (count == 0) revert NoOpenReservation(msg.sender);
        if (count > 1) revert SeveralOpenReservations(msg.sender, count);
        _claim(open.at(0));
    }

    // ---- the owner: treasury and emergencies ----

    /// Sends every wei of proceeds to the owner; nobody else can move them.
    function withdraw() external onlyOwner nonReentrant {
        uint256 amount = address(this).balance;
        if (amount == 0) revert NothingToWithdraw();
        address treasury = owner();
        emit Withdrawn(treasury, amount);
        Address.sendValue(payable(treasury), amount);
    }

    function setOperator(address newOperator) external onlyOwner {
        _setOperator(newOperator);
    }

    /// Stops reservations, reassignments and claims (a stolen operator key, a wrong lot).
    function pause() external onlyOwner {
        _pause();
    }

    function unpause() external onlyOwner {
        _unpause();
    }

    /// Without an owner the proceeds could never be withdrawn again.
    function renounceOwnership() public view override onlyOwner {
        revert RenounceDisabled();
    }

    // ---- reads ----

    function reservation(uint256 auctionId)
        external
        view
        returns (Status status, address buyer, uint256 priceWei, uint64 deadline)
    {
        Reservation storage r = _reservations[auctionId];
        return (r.status, r.buyer, r.priceWei, r.deadline);
    }

    /// The auctions `buyer` may claim now or could have claimed before an unhandled deadline.
    function openAuctionsOf(address buyer) external view returns (uint256[] memory) {
        return _openAuctions[buyer].values();
    }

    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        return _reservations[tokenId].tokenURI;
    }

    // ---- internals ----

    // Checks, then effects, then the mint: the auction is Claimed before _safeMint calls a contract
    // buyer's onERC721Received, so a callback that claims again finds nothing open (and the guard
    // on claim and receive refuses it before that).
    function _claim(uint256 auctionId) private {
        Reservation storage r = _reservations[auctionId];
        if (r.status != Status.Open) revert NotOpen(auctionId, r.status);
        if (msg.sender != r.buyer) revert NotTheBuyer(auctionId, msg.sender, r.buyer);
        if (block.timestamp > r.deadline) revert DeadlinePassed(auctionId, r.deadline);
        if (msg.value != r.priceWei) revert WrongAmount(auctionId, r.priceWei, msg.value);

        r.status = Status.Claimed;
        _openAuctions[msg.sender].remove(auctionId);
        emit Claimed(auctionId, msg.sender, msg.value);
        _safeMint(msg.sender, auctionId);
    }

    function _expiredReservation(uint256 auctionId) private view returns (Reservation storage r) {
        r = _reservations[auctionId];
        if (r.status != Status.Open) revert NotOpen(auctionId, r.status);
        if (block.timestamp <= r.deadline) revert DeadlineNotPassed(auctionId, r.deadline);
    }

    function _checkTurn(address buyer, uint64 deadline) private view {
        if (buyer == address(0) || buyer == address(this)) revert InvalidBuyer(buyer);
        if (deadline <= block.timestamp) revert DeadlineNotInFuture(deadline, block.timestamp);
    }

    function _setOperator(address newOperator) private {
        emit OperatorChanged(operator, newOperator);
        operator = newOperator;
    }
}

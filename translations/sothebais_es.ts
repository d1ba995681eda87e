<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Main</name>
    <message>
        <source>SothebAIs Studio: a broadcast studio for daily NFT auction marathons.</source>
        <translation>SothebAIs Studio: un estudio de emisión para maratones diarios de subastas NFT.</translation>
    </message>
</context>
</TS>

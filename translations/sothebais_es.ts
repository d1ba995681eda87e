<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AuctionStore</name>
    <message>
        <source>Cannot open database %1</source>
        <translation>No se puede abrir la base de datos %1</translation>
    </message>
    <message>
        <source>Cannot configure database %1</source>
        <translation>No se puede configurar la base de datos %1</translation>
    </message>
    <message>
        <source>Cannot prepare a statement</source>
        <translation>No se puede preparar una sentencia</translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation>No se puede iniciar una transacción</translation>
    </message>
    <message>
        <source>Cannot commit</source>
        <translation>No se puede confirmar la transacción</translation>
    </message>
    <message>
        <source>Cannot read the marathon</source>
        <translation>No se puede leer el maratón</translation>
    </message>
    <message>
        <source>The stored marathon is damaged: %1</source>
        <translation>El maratón guardado está dañado: %1</translation>
    </message>
    <message>
        <source>Cannot store the marathon</source>
        <translation>No se puede guardar el maratón</translation>
    </message>
    <message>
        <source>Cannot store the marathon state</source>
        <translation>No se puede guardar el estado del maratón</translation>
    </message>
    <message>
        <source>Cannot read the auctions</source>
        <translation>No se pueden leer las subastas</translation>
    </message>
    <message>
        <source>Cannot store auction %1</source>
        <translation>No se puede guardar la subasta %1</translation>
    </message>
    <message>
        <source>Cannot store the bid from %1</source>
        <translation>No se puede guardar la puja de %1</translation>
    </message>
    <message>
        <source>Cannot update bid %1</source>
        <translation>No se puede actualizar la puja %1</translation>
    </message>
    <message>
        <source>Cannot journal %1</source>
        <translation>No se puede anotar %1 en el registro de eventos</translation>
    </message>
    <message>
        <source>Cannot store the cursor of %1</source>
        <translation>No se puede guardar el cursor de %1</translation>
    </message>
    <message>
        <source>Cannot store a dead letter</source>
        <translation>No se puede guardar un mensaje fallido</translation>
    </message>
    <message>
        <source>Cannot remove a dead letter</source>
        <translation>No se puede eliminar un mensaje fallido</translation>
    </message>
    <message>
        <source>Cannot update a dead letter</source>
        <translation>No se puede actualizar un mensaje fallido</translation>
    </message>
    <message>
        <source>Cannot store %1</source>
        <translation>No se puede guardar %1</translation>
    </message>
    <message>
        <source>Backup file %1 already exists</source>
        <translation>La copia de seguridad %1 ya existe</translation>
    </message>
    <message>
        <source>Cannot write backup %1</source>
        <translation>No se puede escribir la copia de seguridad %1</translation>
    </message>
    <message>
        <source>Cannot check integrity</source>
        <translation>No se puede comprobar la integridad</translation>
    </message>
    <message>
        <source>Integrity check failed: %1</source>
        <translation>Falló la comprobación de integridad: %1</translation>
    </message>
    <message>
        <source>Cannot limit the database size</source>
        <translation>No se puede limitar el tamaño de la base de datos</translation>
    </message>
    <message>
        <source>Cannot use write-ahead logging for %1 (is the folder on a network share?)</source>
        <translation>No se puede usar el registro de escritura anticipada (WAL) para %1 (¿está la carpeta en un recurso compartido de red?)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 no existe</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). Restore it from a backup (sothebais-studio restore).</source>
        <translation>%1 está dañado (%2). Restáurelo desde una copia de seguridad (sothebais-studio restore).</translation>
    </message>
    <message>
        <source>Cannot read bid %1</source>
        <translation>No se puede leer la puja %1</translation>
    </message>
    <message>
        <source>Cannot read the bid %1/%2</source>
        <translation>No se puede leer la puja %1/%2</translation>
    </message>
    <message>
        <source>Cannot read the bids</source>
        <translation>No se pueden leer las pujas</translation>
    </message>
    <message>
        <source>Cannot read the bid keys</source>
        <translation>No se pueden leer las claves de las pujas</translation>
    </message>
    <message>
        <source>Cannot count the bids</source>
        <translation>No se pueden contar las pujas</translation>
    </message>
    <message>
        <source>Cannot read the end of the journal</source>
        <translation>No se puede leer el final del diario</translation>
    </message>
    <message>
        <source>Cannot read the journal after event %1</source>
        <translation>No se puede leer el diario después del evento %1</translation>
    </message>
    <message>
        <source>Cannot read the cursor of %1</source>
        <translation>No se puede leer el cursor de %1</translation>
    </message>
    <message>
        <source>Cannot read the dead letters</source>
        <translation>No se pueden leer las cartas muertas</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>No se puede leer %1</translation>
    </message>
    <message>
        <source>Cannot save a wallet link</source>
        <translation>No se puede guardar el vínculo de la billetera</translation>
    </message>
    <message>
        <source>Cannot read wallet links</source>
        <translation>No se pueden leer los vínculos de billeteras</translation>
    </message>
    <message>
        <source>Cannot read the outbox</source>
        <translation>No se puede leer la bandeja de salida</translation>
    </message>
    <message>
        <source>The outbox has a row in an unknown state: %1</source>
        <translation>La bandeja de salida tiene una fila en un estado desconocido: %1</translation>
    </message>
    <message>
        <source>Cannot queue the post %1</source>
        <translation>No se puede poner en cola la publicación %1</translation>
    </message>
    <message>
        <source>Cannot update the post %1</source>
        <translation>No se puede actualizar la publicación %1</translation>
    </message>
    <message>
        <source>Cannot remember a reply restriction</source>
        <translation>No se puede guardar una restricción de respuestas</translation>
    </message>
    <message>
        <source>A settlement is in an unknown stage: %1</source>
        <translation>Una liquidación está en una etapa desconocida: %1</translation>
    </message>
    <message>
        <source>Cannot read the settlements</source>
        <translation>No se pueden leer las liquidaciones</translation>
    </message>
    <message>
        <source>A chain transaction is in an unknown state: %1</source>
        <translation>Una transacción de la cadena está en un estado desconocido: %1</translation>
    </message>
    <message>
        <source>Cannot read the chain transactions</source>
        <translation>No se pueden leer las transacciones de la cadena</translation>
    </message>
    <message>
        <source>Cannot save the settlement of auction %1</source>
        <translation>No se puede guardar la liquidación de la subasta %1</translation>
    </message>
    <message>
        <source>Cannot store the signed transaction</source>
        <translation>No se puede guardar la transacción firmada</translation>
    </message>
    <message>
        <source>Cannot update the chain transaction %1</source>
        <translation>No se puede actualizar la transacción de la cadena %1</translation>
    </message>
</context>
<context>
    <name>BackupManager</name>
    <message>
        <source>Cannot create the backup folder %1</source>
        <translation>No se puede crear la carpeta de copias de seguridad %1</translation>
    </message>
    <message>
        <source>Cannot name the backup %1</source>
        <translation>No se puede dar nombre a la copia de seguridad %1</translation>
    </message>
    <message>
        <source>Backup %1 does not exist</source>
        <translation>La copia de seguridad %1 no existe</translation>
    </message>
    <message>
        <source>Cannot open backup %1</source>
        <translation>No se puede abrir la copia de seguridad %1</translation>
    </message>
    <message>
        <source>Backup %1 is damaged or not a database</source>
        <translation>La copia de seguridad %1 está dañada o no es una base de datos</translation>
    </message>
    <message>
        <source>Backup %1 is not a SothebAIs Studio database this version can open (%2)</source>
        <translation>La copia %1 no es una base de datos de SothebAIs Studio que esta versión pueda abrir (%2)</translation>
    </message>
    <message>
        <source>Backup %1 cannot be opened: %2</source>
        <translation>No se puede abrir la copia %1: %2</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2: %3</source>
        <translation>No se puede copiar %1 en %2: %3</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Cannot fold the write-ahead log of %1 into it; nothing was changed</source>
        <translation>No se puede incorporar el registro de escritura anticipada de %1 a la base; no se cambió nada</translation>
    </message>
    <message>
        <source>Cannot put the restored database in place at %1: %2</source>
        <translation>No se puede colocar la base de datos restaurada en %1: %2</translation>
    </message>
</context>
<context>
    <name>BidRejection</name>
    <message>
        <source>The bid is below the reserve price.</source>
        <translation>La puja está por debajo del precio de reserva.</translation>
    </message>
    <message>
        <source>The bid does not raise the current bid by the minimum increment.</source>
        <translation>La puja no supera la puja actual en el incremento mínimo.</translation>
    </message>
    <message>
        <source>The auction had already closed when this bid was posted.</source>
        <translation>La subasta ya había cerrado cuando se publicó esta puja.</translation>
    </message>
    <message>
        <source>The auction was not open yet when this bid was posted.</source>
        <translation>La subasta aún no estaba abierta cuando se publicó esta puja.</translation>
    </message>
    <message>
        <source>The auction is paused.</source>
        <translation>La subasta está en pausa.</translation>
    </message>
    <message>
        <source>The bidding account is too new.</source>
        <translation>La cuenta del postor es demasiado reciente.</translation>
    </message>
    <message>
        <source>The age of the bidding account could not be checked.</source>
        <translation>No se pudo comprobar la antigüedad de la cuenta del postor.</translation>
    </message>
    <message>
        <source>This account may not bid.</source>
        <translation>Esta cuenta no puede pujar.</translation>
    </message>
    <message>
        <source>No bid amount was found. Write it like &quot;0.5 ETH&quot; or &quot;bid 0.5&quot;.</source>
        <translation>No se encontró ningún importe de puja. Escríbelo como &quot;0.5 ETH&quot; o &quot;bid 0.5&quot;.</translation>
    </message>
    <message>
        <source>The post names more than one amount. Post a single amount to bid.</source>
        <translation>La publicación indica más de un importe. Publica un solo importe para pujar.</translation>
    </message>
    <message>
        <source>The amount is not a plain positive number like 0.5 or 1,000.5.</source>
        <translation>El importe no es un número positivo simple como 0.5 o 1,000.5.</translation>
    </message>
    <message>
        <source>The amount is too precise. Bids can go down to 1 gwei (9 decimals of ETH).</source>
        <translation>El importe es demasiado preciso. Las pujas admiten hasta 1 gwei (9 decimales de ETH).</translation>
    </message>
    <message>
        <source>Bids are taken in ETH only.</source>
        <translation>Solo se aceptan pujas en ETH.</translation>
    </message>
    <message>
        <source>This post was already counted.</source>
        <translation>Esta publicación ya se contó.</translation>
    </message>
    <message>
        <source>The bid is waiting for the operator to review it.</source>
        <translation>La puja está a la espera de que el operador la revise.</translation>
    </message>
    <message>
        <source>The bid was not posted as a reply in this auction&apos;s thread.</source>
        <translation>La puja no se publicó como respuesta en el hilo de esta subasta.</translation>
    </message>
    <message>
        <source>The post does not carry the auction&apos;s hashtag.</source>
        <translation>La publicación no lleva el hashtag de la subasta.</translation>
    </message>
    <message>
        <source>The bidding account has no linked wallet.</source>
        <translation>La cuenta del postor no tiene una billetera vinculada.</translation>
    </message>
    <message>
        <source>The operator rejected this bid.</source>
        <translation>El operador rechazó esta puja.</translation>
    </message>
    <message>
        <source>The bid was rejected.</source>
        <translation>La puja fue rechazada.</translation>
    </message>
</context>
<context>
    <name>BidRules</name>
    <message>
        <source>The first bid must be at least %1; %2 is below the reserve.</source>
        <translation>La primera puja debe ser de al menos %1; %2 está por debajo de la reserva.</translation>
    </message>
    <message>
        <source>The next bid must be at least %1 (the leading %2 plus the minimum raise); %3 is not enough.</source>
        <translation>La siguiente puja debe ser de al menos %1 (los %2 del líder más el incremento mínimo); %3 no es suficiente.</translation>
    </message>
    <message>
        <source>This account may not bid in this marathon.</source>
        <translation>Esta cuenta no puede pujar en este maratón.</translation>
    </message>
    <message numerus="yes">
        <source>We could not tell how old this account is, and accounts must be at least %n day(s) old to bid.</source>
        <translation>
            <numerusform>No pudimos saber la antigüedad de esta cuenta, y las cuentas deben tener al menos %n día para pujar.</numerusform>
            <numerusform>No pudimos saber la antigüedad de esta cuenta, y las cuentas deben tener al menos %n días para pujar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts must be at least %1 days old to bid; this one is %2 days old.</source>
        <translation>Las cuentas deben tener al menos %1 días de antigüedad para pujar; esta tiene %2 días.</translation>
    </message>
    <message>
        <source>Link a wallet to your account before bidding.</source>
        <translation>Vincula una billetera a tu cuenta antes de pujar.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>--%1 is required.</source>
        <translation>--%1 es obligatorio.</translation>
    </message>
    <message>
        <source>check-bid takes exactly one argument: the post text in quotes.</source>
        <translation>check-bid admite exactamente un argumento: el texto de la publicación entre comillas.</translation>
    </message>
    <message>
        <source>Marathon config (JSON).</source>
        <translation>Configuración del maratón (JSON).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Print JSON lines instead of a table.</source>
        <translation>Muestra líneas JSON en lugar de una tabla.</translation>
    </message>
    <message>
        <source>%1 — %2 day(s) in %3</source>
        <translation>%1 — %2 día(s) en %3</translation>
    </message>
    <message>
        <source>Day %1 lot %2: %3 → %4  (%5 → %6)</source>
        <translation>Día %1 lote %2: %3 → %4  (%5 → %6)</translation>
    </message>
    <message>
        <source>  [moved forward: the local time does not exist that day]</source>
        <translation>  [adelantado: esa hora local no existe ese día]</translation>
    </message>
    <message>
        <source>Marathon database.</source>
        <translation>Base de datos del maratón.</translation>
    </message>
    <message>
        <source>Folder for bids.csv and results.csv.</source>
        <translation>Carpeta para bids.csv y results.csv.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>No database at %1.</source>
        <translation>No hay ninguna base de datos en %1.</translation>
    </message>
    <message>
        <source>Wrote bids.csv and results.csv to %1</source>
        <translation>Se escribieron bids.csv y results.csv en %1</translation>
    </message>
    <message>
        <source>Backup folder (default: &lt;db&gt;.backups).</source>
        <translation>Carpeta de copias de seguridad (predeterminada: &lt;db&gt;.backups).</translation>
    </message>
    <message>
        <source>Backup file to restore.</source>
        <translation>Copia de seguridad que se restaura.</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>Se restauró %1.</translation>
    </message>
    <message>
        <source>Restored %1; the previous file is kept as %2.</source>
        <translation>Se restauró %1; el archivo anterior se conserva como %2.</translation>
    </message>
    <message>
        <source>Print events after this seq.</source>
        <translation>Muestra los eventos posteriores a este número de secuencia.</translation>
    </message>
    <message>
        <source>seq</source>
        <translation>sec</translation>
    </message>
    <message>
        <source>--after takes a sequence number.</source>
        <translation>--after admite un número de secuencia.</translation>
    </message>
    <message>
        <source>Database to replace (refused while a marathon runs on it).</source>
        <translation>Base de datos que se reemplaza (se rechaza mientras un maratón la usa).</translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>No se puede crear %1</translation>
    </message>
    <message>
        <source>Cannot write %1: only %2 of %3 bytes fit (is the disk full?)</source>
        <translation>No se puede escribir %1: solo cupieron %2 de %3 bytes (¿está lleno el disco?)</translation>
    </message>
    <message>
        <source>The database holds no marathon.</source>
        <translation>La base de datos no contiene ningún maratón.</translation>
    </message>
</context>
<context>
    <name>DemoMarathon</name>
    <message>
        <source>Demo lot %1</source>
        <translation>Lote de demostración %1</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Resumed &quot;%1&quot; at event %2.</source>
        <translation>Se reanudó &quot;%1&quot; en el evento %2.</translation>
    </message>
    <message>
        <source>The database holds no marathon: pass --config FILE or --demo.</source>
        <translation>La base de datos no contiene ningún maratón: usa --config FILE o --demo.</translation>
    </message>
    <message>
        <source>The marathon is finished.</source>
        <translation>El maratón ha terminado.</translation>
    </message>
    <message>
        <source>Demo: skipping ahead to %1 UTC.</source>
        <translation>Demo: avanzando hasta las %1 UTC.</translation>
    </message>
    <message>
        <source>Stopping on signal %1.</source>
        <translation>Deteniendo por la señal %1.</translation>
    </message>
    <message>
        <source>Stopping.</source>
        <translation>Deteniendo.</translation>
    </message>
    <message>
        <source>Stopped cleanly at event %1; nothing was lost.</source>
        <translation>Detenido limpiamente en el evento %1; no se perdió nada.</translation>
    </message>
    <message>
        <source>cannot write to standard output</source>
        <translation>no se puede escribir en la salida estándar</translation>
    </message>
    <message>
        <source>The marathon&apos;s first day (%1) is in the past: its windows would be closed unsold at once. Fix first_day, or pass --allow-past-start.</source>
        <translation>El primer día del maratón (%1) ya pasó: sus ventanas se cerrarían sin venta de inmediato. Corrija first_day o use --allow-past-start.</translation>
    </message>
    <message>
        <source>There is no database at %1, but %2 says a marathon ran there. Restore it (sothebais-studio restore --db %1 --from BACKUP), or pass --new to start a new marathon anyway.</source>
        <translation>No hay base de datos en %1, pero %2 indica que allí se ejecutó un maratón. Restáurelo (sothebais-studio restore --db %1 --from COPIA) o use --new para empezar un maratón nuevo de todos modos.</translation>
    </message>
</context>
<context>
    <name>HostSettings</name>
    <message>
        <source>Choose a voice for the host.</source>
        <translation>Elija una voz para la presentadora.</translation>
    </message>
    <message>
        <source>The host&apos;s speaking rate must be from 80 to 450 words a minute.</source>
        <translation>La velocidad de habla de la presentadora debe estar entre 80 y 450 palabras por minuto.</translation>
    </message>
    <message>
        <source>The host&apos;s pitch must be from 0 to 100.</source>
        <translation>El tono de la presentadora debe estar entre 0 y 100.</translation>
    </message>
    <message>
        <source>The gap between the host&apos;s lines must be from 1 to 60 seconds.</source>
        <translation>La pausa entre las frases de la presentadora debe estar entre 1 y 60 segundos.</translation>
    </message>
    <message>
        <source>The LLM&apos;s base URL must be an http:// or https:// address, such as http://localhost:11434/v1.</source>
        <translation>La URL base del LLM debe ser una dirección http:// o https://, como http://localhost:11434/v1.</translation>
    </message>
    <message>
        <source>Name the LLM&apos;s model (for example llama3.2:3b).</source>
        <translation>Indique el modelo del LLM (por ejemplo llama3.2:3b).</translation>
    </message>
    <message>
        <source>The LLM&apos;s first-word deadline must be from 0.2 to 10 seconds.</source>
        <translation>El plazo del LLM para la primera palabra debe estar entre 0,2 y 10 segundos.</translation>
    </message>
    <message>
        <source>The LLM&apos;s deadline for the whole line must be from 0.5 to 30 seconds.</source>
        <translation>El plazo del LLM para la frase completa debe estar entre 0,5 y 30 segundos.</translation>
    </message>
    <message>
        <source>The LLM&apos;s deadline for the whole line cannot be shorter than its first-word deadline.</source>
        <translation>El plazo del LLM para la frase completa no puede ser menor que el de la primera palabra.</translation>
    </message>
    <message>
        <source>VTube Studio&apos;s address must be a ws:// address, such as ws://localhost:8001.</source>
        <translation>La dirección de VTube Studio debe ser una dirección ws://, como ws://localhost:8001.</translation>
    </message>
    <message>
        <source>“%1” is not one of the host&apos;s moods.</source>
        <translation>“%1” no es uno de los estados de ánimo de la presentadora.</translation>
    </message>
    <message>
        <source>The music bed&apos;s level must be from -40 to 0 dB.</source>
        <translation>El nivel de la música de fondo debe estar entre -40 y 0 dB.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>SothebAIs Studio</source>
        <translation>SothebAIs Studio</translation>
    </message>
    <message>
        <source>The program cannot be rendered: %1</source>
        <translation>No se puede renderizar el programa: %1</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3.</source>
        <translation>--%1 admite un número entero de %2 a %3.</translation>
    </message>
    <message>
        <source>--bid-rate takes a number of bids per second up to 10000.</source>
        <translation>--bid-rate admite un número de pujas por segundo de hasta 10000.</translation>
    </message>
    <message>
        <source>--size takes WIDTHxHEIGHT with even sides up to 1920x1080.</source>
        <translation>--size admite ANCHOxALTO con lados pares de hasta 1920x1080.</translation>
    </message>
    <message>
        <source>--headless needs --demo, --db PATH of a marathon, or something to broadcast (--stream, --record, --scene).</source>
        <translation>--headless necesita --demo, --db PATH de un maratón o algo que emitir (--stream, --record, --scene).</translation>
    </message>
    <message>
        <source>Stopped on signal %1.</source>
        <translation>Detenido por la señal %1.</translation>
    </message>
    <message>
        <source>SothebAIs Studio: a broadcast studio for daily NFT auction marathons.</source>
        <translation>SothebAIs Studio: un estudio de emisión para maratones diarios de subastas NFT.</translation>
    </message>
    <message>
        <source>Run without a window; print events as JSON lines.</source>
        <translation>Se ejecuta sin ventana; muestra los eventos como líneas JSON.</translation>
    </message>
    <message>
        <source>Run a demo marathon with simulated bidders.</source>
        <translation>Ejecuta un maratón de demostración con postores simulados.</translation>
    </message>
    <message>
        <source>Demo clock speed (virtual seconds per second, default 30).</source>
        <translation>Velocidad del reloj de la demo (segundos virtuales por segundo, predeterminada 30).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Demo bids per second (default 2).</source>
        <translation>Pujas de la demo por segundo (predeterminado 2).</translation>
    </message>
    <message>
        <source>Demo random seed.</source>
        <translation>Semilla aleatoria de la demo.</translation>
    </message>
    <message>
        <source>Demo marathon length in days (default 3).</source>
        <translation>Duración del maratón de demostración en días (predeterminada 3).</translation>
    </message>
    <message>
        <source>Demo window length in minutes (default 10).</source>
        <translation>Duración de la franja de la demo en minutos (predeterminada 10).</translation>
    </message>
    <message>
        <source>Marathon database file.</source>
        <translation>Archivo de base de datos del maratón.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>ruta</translation>
    </message>
    <message>
        <source>Marathon config to create in an empty database.</source>
        <translation>Configuración del maratón que se crea en una base de datos vacía.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Folder for hourly backups (default &lt;db&gt;.backups).</source>
        <translation>Carpeta para las copias de seguridad cada hora (predeterminada &lt;db&gt;.backups).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>RTMP/RTMPS destination, key included (repeatable).</source>
        <translation>Destino RTMP/RTMPS, con la clave incluida (repetible).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Record to this file (.mkv; .mp4 is remuxed at the end).</source>
        <translation>Graba en este archivo (.mkv; .mp4 se remultiplexa al final).</translation>
    </message>
    <message>
        <source>Stop after this many seconds.</source>
        <translation>Se detiene al cabo de estos segundos.</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Canvas size (default 1280x720).</source>
        <translation>Tamaño del lienzo (predeterminado 1280x720).</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>ANCHOxALTO</translation>
    </message>
    <message>
        <source>Frame rate (default 30).</source>
        <translation>Fotogramas por segundo (predeterminado 30).</translation>
    </message>
    <message>
        <source>Video bitrate in kbps (default 2500).</source>
        <translation>Tasa de bits de vídeo en kbps (predeterminada 2500).</translation>
    </message>
    <message>
        <source>kbps</source>
        <translation>kbps</translation>
    </message>
    <message>
        <source>Video encoder: auto (default), libx264, h264_nvenc, ...</source>
        <translation>Codificador de vídeo: auto (predeterminado), libx264, h264_nvenc, ...</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Print broadcast stats once a second as JSON lines.</source>
        <translation>Muestra las estadísticas de emisión una vez por segundo como líneas JSON.</translation>
    </message>
    <message>
        <source>The studio&apos;s data folder (marathon, demo, scenes); default: the app data folder.</source>
        <translation>La carpeta de datos del estudio (maratón, demo, escenas); predeterminada: la carpeta de datos de la aplicación.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;; see --help.</source>
        <translation>Comando desconocido &quot;%1&quot;; consulta --help.</translation>
    </message>
    <message>
        <source>the studio window needs a display. Without one, run the headless demo: sothebais-studio --headless --demo</source>
        <translation>la ventana del estudio necesita una pantalla. Sin ella, ejecuta la demo sin ventana: sothebais-studio --headless --demo</translation>
    </message>
    <message>
        <source>broadcasting needs OpenGL and so a display; on a server run it under Xvfb: xvfb-run -a sothebais-studio ...</source>
        <translation>emitir necesita OpenGL y, por tanto, una pantalla; en un servidor, ejecútalo con Xvfb: xvfb-run -a sothebais-studio ...</translation>
    </message>
    <message>
        <source>--scene (a plain scene) and --scenes (a scene collection) exclude each other.</source>
        <translation>--scene (una escena simple) y --scenes (una colección de escenas) se excluyen mutuamente.</translation>
    </message>
    <message>
        <source>--scenes shows a marathon&apos;s overlays: give --demo or --db PATH too.</source>
        <translation>--scenes muestra las superposiciones de un maratón: indique también --demo o --db RUTA.</translation>
    </message>
    <message>
        <source>Create a new marathon from --config even though backups of a missing database exist.</source>
        <translation>Crear un maratón nuevo desde --config aunque existan copias de una base de datos que falta.</translation>
    </message>
    <message>
        <source>Create a marathon whose first day is past.</source>
        <translation>Crear un maratón cuyo primer día ya pasó.</translation>
    </message>
    <message>
        <source>Plain scene to broadcast (JSON) instead of the show.</source>
        <translation>Escena simple que se emite (JSON) en lugar del espectáculo.</translation>
    </message>
    <message>
        <source>Scene collection to broadcast with the marathon (default: the data folder&apos;s scenes/default.json).</source>
        <translation>Colección de escenas que se emite con el maratón (por defecto: scenes/default.json de la carpeta de datos).</translation>
    </message>
    <message>
        <source>File holding the stream key of the --stream of the same rank; that URL then ends before the key (repeatable).</source>
        <translation>Archivo con la clave de transmisión del --stream del mismo orden; esa URL termina entonces antes de la clave (repetible).</translation>
    </message>
    <message>
        <source>--x-post takes LOT=URL or LOT=ID, e.g. 1=https://x.com/you/status/1850…</source>
        <translation>--x-post admite LOTE=URL o LOTE=ID, p. ej. 1=https://x.com/you/status/1850…</translation>
    </message>
    <message>
        <source>--x reads bids into a marathon: give --db PATH or --demo too.</source>
        <translation>--x lee pujas para un maratón: indique también --db PATH o --demo.</translation>
    </message>
    <message>
        <source>X: signed in as @%1; replies to each auction&apos;s post are read as bids.</source>
        <translation>X: sesión iniciada como @%1; las respuestas a la publicación de cada subasta se leen como pujas.</translation>
    </message>
    <message>
        <source>X: not signed in (sothebais-studio x login); no bids are read from X. %1</source>
        <translation>X: sin sesión iniciada (sothebais-studio x login); no se leen pujas de X. %1</translation>
    </message>
    <message>
        <source>Read bids from replies on X with the signed-in account (sothebais-studio x login).</source>
        <translation>Leer pujas de las respuestas en X con la cuenta con sesión iniciada (sothebais-studio x login).</translation>
    </message>
    <message>
        <source>The post on X whose replies bid on lot N (repeatable).</source>
        <translation>La publicación de X cuyas respuestas pujan por el lote N (repetible).</translation>
    </message>
    <message>
        <source>N=url</source>
        <translation>N=url</translation>
    </message>
    <message>
        <source>Music bed under the show (any audio file, looped; lowered while the host speaks).</source>
        <translation>Fondo musical bajo el programa (cualquier archivo de audio, en bucle; baja de volumen mientras habla la presentadora).</translation>
    </message>
    <message>
        <source>Settlement on Shape: read the operator key from this file instead of the keychain.</source>
        <translation>Liquidación en Shape: leer la clave del operador de este archivo en lugar del llavero.</translation>
    </message>
    <message>
        <source>these options are the headless runner&apos;s: add --headless (e.g. sothebais-studio --headless --demo); the window takes only --data-dir.</source>
        <translation>estas opciones son del modo sin ventana: añada --headless (p. ej. sothebais-studio --headless --demo); la ventana solo admite --data-dir.</translation>
    </message>
    <message>
        <source>Commands:
  check-bid &quot;TEXT&quot;                 How the bid grammar reads a post (JSON).
  schedule --config FILE [--json]  Each auction&apos;s window in local time and UTC.
  export --db PATH --csv DIR       Write bids.csv and results.csv.
  backup --db PATH [--dir DIR]     Take a consistent snapshot now.
  restore --db PATH --from FILE    Replace a (stopped) database with a snapshot.
  journal --db PATH [--after SEQ]  Print the event journal as JSON lines.
  dead-letters --db PATH           Events a subscriber gave up on (JSON lines).
  x login|status|logout            Sign in to X (bids from replies), or say the state.
  wallet new|import|address        The operator key on Shape (kept in the keychain).
  shape deploy --rpc URL|--rpc-file FILE --treasury ADDRESS [--chain-id N] [--dry-run]
                                   Deploy the auction house with the operator key.
  shape status --db PATH [--json]  Each auction&apos;s settlement on Shape (read-only).
</source>
        <translation>Comandos:
  check-bid &quot;TEXT&quot;                 Cómo lee una publicación la gramática de pujas (JSON).
  schedule --config FILE [--json]  La ventana de cada subasta en hora local y en UTC.
  export --db PATH --csv DIR       Escribe bids.csv y results.csv.
  backup --db PATH [--dir DIR]     Toma ahora una instantánea coherente.
  restore --db PATH --from FILE    Sustituye una base de datos (detenida) por una instantánea.
  journal --db PATH [--after SEQ]  Imprime el diario de eventos como líneas JSON.
  dead-letters --db PATH           Eventos que un suscriptor dio por perdidos (líneas JSON).
  x login|status|logout            Inicia sesión en X (pujas desde respuestas) o indica el estado.
  wallet new|import|address        La clave del operador en Shape (guardada en el llavero).
  shape deploy --rpc URL|--rpc-file FILE --treasury ADDRESS [--chain-id N] [--dry-run]
                                   Despliega la casa de subastas con la clave del operador.
  shape status --db PATH [--json]  La liquidación de cada subasta en Shape (solo lectura).
</translation>
    </message>
</context>
<context>
    <name>MarathonConfig</name>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be text in quotes, not %2.</source>
        <translation>&quot;%1&quot; debe ser texto entre comillas, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false, not %2.</source>
        <translation>&quot;%1&quot; debe ser true o false, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number, not %2.</source>
        <translation>&quot;%1&quot; debe ser un número entero, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number of seconds, not %2.</source>
        <translation>&quot;%1&quot; debe ser un número de segundos, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is out of range: %2.</source>
        <translation>&quot;%1&quot; está fuera de rango: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an ETH amount in quotes, such as &quot;0.01&quot;, not %2.</source>
        <translation>&quot;%1&quot; debe ser un importe en ETH entre comillas, como &quot;0.01&quot;, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ETH amount: %2; write it like &quot;0.01&quot;.</source>
        <translation>&quot;%1&quot; no es un importe en ETH: %2; escríbelo como &quot;0.01&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has more than 9 decimals: %2; the smallest amount is 1 gwei (0.000000001 ETH).</source>
        <translation>&quot;%1&quot; tiene más de 9 decimales: %2; el importe mínimo es 1 gwei (0.000000001 ETH).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a date such as &quot;2026-11-01&quot;, not %2.</source>
        <translation>&quot;%1&quot; debe ser una fecha como &quot;2026-11-01&quot;, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a time such as &quot;20:00&quot;, not %2.</source>
        <translation>&quot;%1&quot; debe ser una hora como &quot;20:00&quot;, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list, not %2.</source>
        <translation>&quot;%1&quot; debe ser una lista, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an object with a title, not %2.</source>
        <translation>&quot;%1&quot; debe ser un objeto con un título, no %2.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;: check its spelling.</source>
        <translation>Clave desconocida &quot;%1&quot;: revisa cómo está escrita.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is &quot;%2&quot;, which is not a known time zone: use an IANA id such as America/New_York.</source>
        <translation>&quot;%1&quot; es &quot;%2&quot;, que no es una zona horaria conocida: usa un identificador IANA como America/New_York.</translation>
    </message>
    <message>
        <source>The marathon needs a name.</source>
        <translation>El maratón necesita un nombre.</translation>
    </message>
    <message>
        <source>The marathon needs a first day.</source>
        <translation>El maratón necesita un primer día.</translation>
    </message>
    <message>
        <source>Days must be between 1 and %1.</source>
        <translation>Los días deben estar entre 1 y %1.</translation>
    </message>
    <message>
        <source>The marathon needs a time zone: use an IANA id such as America/New_York.</source>
        <translation>El maratón necesita una zona horaria: usa un identificador IANA como America/New_York.</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;: use an IANA id such as America/New_York.</source>
        <translation>Zona horaria desconocida &quot;%1&quot;: usa un identificador IANA como America/New_York.</translation>
    </message>
    <message>
        <source>The window needs a valid start time.</source>
        <translation>La franja necesita una hora de inicio válida.</translation>
    </message>
    <message>
        <source>The window needs a valid end time.</source>
        <translation>La franja necesita una hora de fin válida.</translation>
    </message>
    <message>
        <source>The window cannot start and end at the same time; to run past midnight, end it earlier than it starts (such as 22:00 to 02:00).</source>
        <translation>La franja no puede empezar y terminar a la misma hora; para pasar de medianoche, haz que termine antes de la hora en que empieza (por ejemplo, de 22:00 a 02:00).</translation>
    </message>
    <message>
        <source>The window must last at least 1 minute.</source>
        <translation>La franja debe durar al menos 1 minuto.</translation>
    </message>
    <message>
        <source>Lots per day must be between 1 and %1.</source>
        <translation>Los lotes por día deben estar entre 1 y %1.</translation>
    </message>
    <message>
        <source>There are %1 lots but there must be %2 (days × lots per day = %3 × %4), or none while drafting.</source>
        <translation>Hay %1 lotes, pero debe haber %2 (días × lotes por día = %3 × %4), o ninguno mientras es un borrador.</translation>
    </message>
    <message>
        <source>Lot %1 needs a title.</source>
        <translation>El lote %1 necesita un título.</translation>
    </message>
    <message>
        <source>The reserve price must be more than 0 ETH.</source>
        <translation>El precio de reserva debe ser mayor que 0 ETH.</translation>
    </message>
    <message>
        <source>The minimum raise percentage must be between 0 and %1.</source>
        <translation>El porcentaje de incremento mínimo debe estar entre 0 y %1.</translation>
    </message>
    <message>
        <source>The minimum raise amount cannot be negative.</source>
        <translation>El importe de incremento mínimo no puede ser negativo.</translation>
    </message>
    <message>
        <source>The minimum raise needs a percentage or an amount above 0, or a bid could simply repeat the leader&apos;s amount.</source>
        <translation>El incremento mínimo necesita un porcentaje o un importe mayor que 0; si no, una puja podría limitarse a repetir el importe del líder.</translation>
    </message>
    <message>
        <source>The anti-sniping time buffer must be between 0 and 24 hours.</source>
        <translation>El margen de tiempo antisniping debe estar entre 0 y 24 horas.</translation>
    </message>
    <message>
        <source>The cap on time extensions must be more than 0 when it is set.</source>
        <translation>El límite de las prórrogas debe ser mayor que 0 cuando se establece.</translation>
    </message>
    <message>
        <source>The grace period for late bids must be between 0 and 10 minutes.</source>
        <translation>El periodo de gracia para pujas tardías debe estar entre 0 y 10 minutos.</translation>
    </message>
    <message>
        <source>The minimum account age must be between 0 and %1 days.</source>
        <translation>La antigüedad mínima de la cuenta debe estar entre 0 y %1 días.</translation>
    </message>
    <message>
        <source>The review multiple must be 0 (off) or at least %1.</source>
        <translation>El múltiplo de revisión debe ser 0 (desactivado) o al menos %1.</translation>
    </message>
    <message>
        <source>The review ceiling (%1) must be above the reserve price (%2).</source>
        <translation>El umbral de revisión (%1) debe ser mayor que el precio de reserva (%2).</translation>
    </message>
    <message>
        <source>The hashtag must start with # and contain no spaces, such as #SothebAIs.</source>
        <translation>El hashtag debe empezar por # y no contener espacios, como #SothebAIs.</translation>
    </message>
    <message>
        <source>The marathon file &quot;%1&quot; does not exist.</source>
        <translation>El archivo del maratón &quot;%1&quot; no existe.</translation>
    </message>
    <message>
        <source>Cannot read the marathon file &quot;%1&quot;: %2.</source>
        <translation>No se puede leer el archivo del maratón &quot;%1&quot;: %2.</translation>
    </message>
    <message>
        <source>The marathon file &quot;%1&quot; is not valid JSON: %2 at line %3, column %4 (offset %5).</source>
        <translation>El archivo del maratón &quot;%1&quot; no es un JSON válido: %2 en la línea %3, columna %4 (posición %5).</translation>
    </message>
    <message>
        <source>The marathon file &quot;%1&quot; must hold one JSON object, between { and }.</source>
        <translation>El archivo del maratón &quot;%1&quot; debe contener un único objeto JSON, entre { y }.</translation>
    </message>
    <message>
        <source>Cannot write the marathon file &quot;%1&quot;: %2.</source>
        <translation>No se puede escribir el archivo del maratón &quot;%1&quot;: %2.</translation>
    </message>
    <message>
        <source>The marathon file &quot;%1&quot; gives &quot;%2&quot; twice (in %3, line %4); keep only one.</source>
        <translation>El archivo del maratón &quot;%1&quot; indica &quot;%2&quot; dos veces (en %3, línea %4); deje solo una.</translation>
    </message>
    <message>
        <source>the marathon</source>
        <translation>el maratón</translation>
    </message>
    <message>
        <source>Lot %1&apos;s token URI must be a URI such as ipfs://… or https://…, without spaces.</source>
        <translation>El URI del token del lote %1 debe ser un URI como ipfs://… o https://…, sin espacios.</translation>
    </message>
</context>
<context>
    <name>MarathonLock</name>
    <message>
        <source>The marathon %1 is in use by another process (%2). Only one process may run a marathon; stop it first.</source>
        <translation>El maratón %1 está en uso por otro proceso (%2). Solo un proceso puede ejecutar un maratón; deténgalo primero.</translation>
    </message>
    <message>
        <source>unknown holder</source>
        <translation>titular desconocido</translation>
    </message>
    <message>
        <source>Cannot create the lock file %1: %2</source>
        <translation>No se puede crear el archivo de bloqueo %1: %2</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2</source>
        <translation>No se puede bloquear %1: %2</translation>
    </message>
</context>
<context>
    <name>MarathonSession</name>
    <message>
        <source>Backup failed: %1</source>
        <translation>Falló la copia de seguridad: %1</translation>
    </message>
</context>
<context>
    <name>OperatorKey</name>
    <message>
        <source>The operator key could not be kept in the keychain: %1</source>
        <translation>No se pudo guardar la clave de operador en el llavero: %1</translation>
    </message>
    <message>
        <source>An operator key is already in the keychain; replacing it would lose that key and whatever its address holds. Replace it on purpose (--replace).</source>
        <translation>Ya hay una clave de operador en el llavero; reemplazarla haría perder esa clave y todo lo que tenga su dirección. Reemplázala de forma explícita (--replace).</translation>
    </message>
    <message>
        <source>No key given: an operator key is 64 hex digits, with or without 0x.</source>
        <translation>No se indicó ninguna clave: una clave de operador son 64 dígitos hexadecimales, con o sin 0x.</translation>
    </message>
    <message>
        <source>That is not a private key: an operator key is 64 hex digits (0-9, a-f), with or without 0x; an address (40 digits) or a seed phrase will not do.</source>
        <translation>Eso no es una clave privada: una clave de operador son 64 dígitos hexadecimales (0-9, a-f), con o sin 0x; no sirve una dirección (40 dígitos) ni una frase semilla.</translation>
    </message>
    <message>
        <source>That is not a usable private key: it is zero or not below the secp256k1 curve order.</source>
        <translation>Esa clave privada no se puede usar: es cero o no es menor que el orden de la curva secp256k1.</translation>
    </message>
    <message>
        <source>The operator key could not be read from the keychain: %1</source>
        <translation>No se pudo leer la clave de operador del llavero: %1</translation>
    </message>
    <message>
        <source>The keychain&apos;s operator key is damaged (%1); import it again.</source>
        <translation>La clave de operador del llavero está dañada (%1); vuelve a importarla.</translation>
    </message>
    <message>
        <source>The operator key could not be removed from the keychain: %1</source>
        <translation>No se pudo eliminar la clave de operador del llavero: %1</translation>
    </message>
</context>
<context>
    <name>Persona</name>
    <message>
        <source>&quot;%1[%2]&quot; must be text.</source>
        <translation>«%1[%2]» debe ser texto.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be text or a list of texts.</source>
        <translation>«%1» debe ser texto o una lista de textos.</translation>
    </message>
    <message>
        <source>&quot;messageExamples&quot; must be a list of conversations.</source>
        <translation>«messageExamples» debe ser una lista de conversaciones.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list of messages.</source>
        <translation>«%1» debe ser una lista de mensajes.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs &quot;name&quot; (or the older &quot;user&quot;) as text.</source>
        <translation>«%1» necesita «name» (o el antiguo «user») como texto.</translation>
    </message>
    <message>
        <source>&quot;%1.content.text&quot; must be text.</source>
        <translation>«%1.content.text» debe ser texto.</translation>
    </message>
    <message>
        <source>&quot;templates&quot; must be an object of texts.</source>
        <translation>«templates» debe ser un objeto de textos.</translation>
    </message>
    <message>
        <source>&quot;templates.%1&quot; must be text (several lines go on separate lines).</source>
        <translation>«templates.%1» debe ser texto (varias frases van en líneas separadas).</translation>
    </message>
    <message>
        <source>The character file is not valid JSON (%1 at byte %2).</source>
        <translation>El archivo del personaje no es JSON válido (%1 en el byte %2).</translation>
    </message>
    <message>
        <source>The character file must hold one JSON object.</source>
        <translation>El archivo del personaje debe contener un único objeto JSON.</translation>
    </message>
    <message>
        <source>The character file gives &quot;%1&quot; twice (line %2).</source>
        <translation>El archivo del personaje da «%1» dos veces (línea %2).</translation>
    </message>
    <message>
        <source>&quot;name&quot; is required and must be text.</source>
        <translation>«name» es obligatorio y debe ser texto.</translation>
    </message>
    <message>
        <source>&quot;bio&quot; is required (text or a list of texts).</source>
        <translation>«bio» es obligatorio (texto o una lista de textos).</translation>
    </message>
    <message>
        <source>&quot;system&quot; must be text.</source>
        <translation>«system» debe ser texto.</translation>
    </message>
    <message>
        <source>&quot;style&quot; must be an object (all, chat, post).</source>
        <translation>«style» debe ser un objeto (all, chat, post).</translation>
    </message>
    <message>
        <source>Cannot read the character file: %1</source>
        <translation>No se puede leer el archivo del personaje: %1</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>The marathon needs a first day.</source>
        <translation>El maratón necesita un primer día.</translation>
    </message>
    <message>
        <source>Days must be between 1 and %1.</source>
        <translation>Los días deben estar entre 1 y %1.</translation>
    </message>
    <message>
        <source>Lots per day must be between 1 and %1.</source>
        <translation>Los lotes por día deben estar entre 1 y %1.</translation>
    </message>
    <message>
        <source>The window needs a valid start time and a valid end time.</source>
        <translation>La franja necesita una hora de inicio y una hora de fin válidas.</translation>
    </message>
    <message>
        <source>The window cannot start and end at the same time.</source>
        <translation>La franja no puede empezar y terminar a la misma hora.</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;: use an IANA id such as America/New_York.</source>
        <translation>Zona horaria desconocida &quot;%1&quot;: usa un identificador IANA como America/New_York.</translation>
    </message>
    <message>
        <source>On %1 the window would last less than a minute because the clocks change that night; move the window&apos;s start or end away from the change.</source>
        <translation>El %1 la franja duraría menos de un minuto porque esa noche cambia la hora; aleja el inicio o el fin de la franja del cambio.</translation>
    </message>
    <message>
        <source>On %1 the window would start before the previous day&apos;s window ends because the clocks change; shorten the window.</source>
        <translation>El %1 la franja empezaría antes de que termine la del día anterior porque cambia la hora; acorta la franja.</translation>
    </message>
</context>
<context>
    <name>SchemaMigrations</name>
    <message>
        <source>%1 is not a SothebAIs Studio database: %2</source>
        <translation>%1 no es una base de datos de SothebAIs Studio: %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer SothebAIs Studio (schema %2; this build knows %3). Update the app to open it.</source>
        <translation>%1 lo escribió una versión más reciente de SothebAIs Studio (esquema %2; esta versión conoce el %3). Actualiza la aplicación para abrirlo.</translation>
    </message>
    <message>
        <source>Cannot start migration: %1</source>
        <translation>No se puede iniciar la migración: %1</translation>
    </message>
    <message>
        <source>Migration of %1 to schema %2 failed: %3</source>
        <translation>Falló la migración de %1 al esquema %2: %3</translation>
    </message>
    <message>
        <source>%1 is not a SothebAIs Studio marathon database</source>
        <translation>%1 no es una base de datos de maratón de SothebAIs Studio</translation>
    </message>
    <message>
        <source>%1 is damaged: its list of tables cannot be read (%2). Restore it from a backup (sothebais-studio restore).</source>
        <translation>%1 está dañado: no se puede leer su lista de tablas (%2). Restáurelo desde una copia de seguridad (sothebais-studio restore).</translation>
    </message>
</context>
<context>
    <name>ShapeCli</name>
    <message>
        <source>The key file %1 could not be read: %2</source>
        <translation>No se pudo leer el archivo de clave %1: %2</translation>
    </message>
    <message>
        <source>Paste the operator&apos;s private key and press Enter (it is not shown):</source>
        <translation>Pegue la clave privada del operador y pulse Enter (no se muestra):</translation>
    </message>
    <message>
        <source>No operator key in the keychain: make one with `sothebais-studio wallet new` or import one with `sothebais-studio wallet import`.</source>
        <translation>No hay clave de operador en el llavero: cree una con `sothebais-studio wallet new` o importe una con `sothebais-studio wallet import`.</translation>
    </message>
    <message>
        <source>The address could not be written to the settings: %1</source>
        <translation>No se pudo escribir la dirección en la configuración: %1</translation>
    </message>
    <message>
        <source>shape status needs --db FILE.</source>
        <translation>shape status requiere --db FILE.</translation>
    </message>
    <message>
        <source>No database at %1.</source>
        <translation>No hay ninguna base de datos en %1.</translation>
    </message>
    <message>
        <source>No settlement has started in this marathon.</source>
        <translation>No ha empezado ninguna liquidación en este maratón.</translation>
    </message>
    <message>
        <source>Auction #%1: %2</source>
        <translation>Subasta #%1: %2</translation>
    </message>
    <message>
        <source>  buyer %1 (turn %2), price %3, wallet %4</source>
        <translation>  comprador %1 (turno %2), precio %3, billetera %4</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>(not linked)</source>
        <translation>(sin vincular)</translation>
    </message>
    <message>
        <source>  deadline %1</source>
        <translation>  plazo %1</translation>
    </message>
    <message>
        <source>  problem: %1</source>
        <translation>  problema: %1</translation>
    </message>
    <message>
        <source>  %1 (turn %2): %3 %4</source>
        <translation>  %1 (turno %2): %3 %4</translation>
    </message>
    <message>
        <source>shape deploy needs --treasury ADDRESS: the owner who withdraws the proceeds (not the operator key; ideally a hardware wallet).</source>
        <translation>shape deploy requiere --treasury ADDRESS: el propietario que retira los ingresos (no la clave del operador; idealmente una billetera de hardware).</translation>
    </message>
    <message>
        <source>--treasury: %1</source>
        <translation>--treasury: %1</translation>
    </message>
    <message>
        <source>--chain-id takes a whole number above 0.</source>
        <translation>--chain-id admite un número entero mayor que 0.</translation>
    </message>
    <message>
        <source>--max-fee-gwei takes an amount of gwei above 0 (e.g. 0.05).</source>
        <translation>--max-fee-gwei admite una cantidad de gwei mayor que 0 (p. ej., 0.05).</translation>
    </message>
    <message>
        <source>The RPC %1 did not answer.</source>
        <translation>El RPC %1 no respondió.</translation>
    </message>
    <message>
        <source>Deploying the auction house on chain %1 from the operator %2 (treasury %3)%4.</source>
        <translation>Desplegando la casa de subastas en la cadena %1 desde el operador %2 (tesorería %3)%4.</translation>
    </message>
    <message>
        <source>, dry run: nothing is sent</source>
        <translation>, simulación: no se envía nada</translation>
    </message>
    <message>
        <source>The deployment did not finish within 5 minutes; look for the transaction from %1 before trying again.</source>
        <translation>El despliegue no terminó en 5 minutos; busque la transacción de %1 antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>Signed transaction (not sent): %1</source>
        <translation>Transacción firmada (no enviada): %1</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Transacción %1</translation>
    </message>
    <message>
        <source>The creation was included but made no contract.</source>
        <translation>La creación se incluyó, pero no generó ningún contrato.</translation>
    </message>
    <message>
        <source>Contract address: %1</source>
        <translation>Dirección del contrato: %1</translation>
    </message>
    <message>
        <source>Deployed in block %1</source>
        <translation>Desplegado en el bloque %1</translation>
    </message>
    <message>
        <source>The settings could not be written: %1</source>
        <translation>No se pudo escribir la configuración: %1</translation>
    </message>
    <message>
        <source>Written to Settings → Shape (%1).</source>
        <translation>Escrito en Configuración → Shape (%1).</translation>
    </message>
    <message>
        <source>Put it in Settings → Shape (contract address) to settle auctions with it, or deploy with --save.</source>
        <translation>Póngalo en Configuración → Shape (dirección del contrato) para liquidar subastas con él, o despliegue con --save.</translation>
    </message>
    <message>
        <source>new, import or address</source>
        <translation>new, import o address</translation>
    </message>
    <message>
        <source>import: read the key from this file instead of stdin.</source>
        <translation>import: leer la clave de este archivo en lugar de stdin.</translation>
    </message>
    <message>
        <source>Replace an operator key already in the keychain (that key is lost).</source>
        <translation>Sustituir una clave de operador que ya esté en el llavero (esa clave se pierde).</translation>
    </message>
    <message>
        <source>Where studio.ini is (default: the app&apos;s config folder).</source>
        <translation>Dónde está studio.ini (por defecto: la carpeta de configuración de la aplicación).</translation>
    </message>
    <message>
        <source>wallet takes new, import or address.</source>
        <translation>wallet admite new, import o address.</translation>
    </message>
    <message>
        <source>wallet %1 takes no other argument; a key is never given on the command line (the shell&apos;s history and `ps` would keep it): pipe it on stdin or use --key-file.</source>
        <translation>wallet %1 no admite más argumentos; una clave nunca se pasa en la línea de comandos (el historial del shell y `ps` la conservarían): pásela por stdin o use --key-file.</translation>
    </message>
    <message>
        <source>No operator key in the keychain (sothebais-studio wallet new).</source>
        <translation>No hay clave de operador en el llavero (sothebais-studio wallet new).</translation>
    </message>
    <message>
        <source>The operator key is in the keychain; only its address is shown. Send it a little ETH on Shape for gas: it reserves, reassigns and cancels, and never holds the proceeds.</source>
        <translation>La clave del operador está en el llavero; solo se muestra su dirección. Envíele un poco de ETH en Shape para el gas: reserva, reasigna y cancela, y nunca guarda los ingresos.</translation>
    </message>
    <message>
        <source>deploy or status</source>
        <translation>deploy o status</translation>
    </message>
    <message>
        <source>deploy: the chain&apos;s JSON-RPC URL.</source>
        <translation>deploy: la URL JSON-RPC de la cadena.</translation>
    </message>
    <message>
        <source>deploy: refuse a node on another chain (default: the node&apos;s).</source>
        <translation>deploy: rechazar un nodo de otra cadena (por defecto: la del nodo).</translation>
    </message>
    <message>
        <source>deploy: the owner, who withdraws the proceeds (not the operator).</source>
        <translation>deploy: el propietario, que retira los ingresos (no el operador).</translation>
    </message>
    <message>
        <source>deploy: the most to pay per gas, in gwei.</source>
        <translation>deploy: lo máximo a pagar por unidad de gas, en gwei.</translation>
    </message>
    <message>
        <source>deploy: print the signed transaction and send nothing.</source>
        <translation>deploy: imprimir la transacción firmada sin enviar nada.</translation>
    </message>
    <message>
        <source>deploy: read the operator key from this file instead of the keychain.</source>
        <translation>deploy: leer la clave del operador de este archivo en lugar del llavero.</translation>
    </message>
    <message>
        <source>deploy: write the contract into Settings → Shape (studio.ini).</source>
        <translation>deploy: escribir el contrato en Configuración → Shape (studio.ini).</translation>
    </message>
    <message>
        <source>deploy --save: where studio.ini is (default: the app&apos;s config folder).</source>
        <translation>deploy --save: dónde está studio.ini (por defecto: la carpeta de configuración de la aplicación).</translation>
    </message>
    <message>
        <source>status: the marathon database.</source>
        <translation>status: la base de datos del maratón.</translation>
    </message>
    <message>
        <source>status: one JSON object per auction.</source>
        <translation>status: un objeto JSON por subasta.</translation>
    </message>
    <message>
        <source>shape takes deploy or status.</source>
        <translation>shape admite deploy o status.</translation>
    </message>
    <message>
        <source>The RPC file %1 could not be read: %2</source>
        <translation>No se pudo leer el archivo de RPC %1: %2</translation>
    </message>
    <message>
        <source>The RPC file %1 has no URL on its first line.</source>
        <translation>El archivo de RPC %1 no tiene una URL en su primera línea.</translation>
    </message>
    <message>
        <source>Give the RPC as --rpc URL or in --rpc-file FILE, not both.</source>
        <translation>Indique el RPC con --rpc URL o en --rpc-file FILE, no ambos.</translation>
    </message>
    <message>
        <source>shape deploy needs --rpc URL (or --rpc-file FILE).</source>
        <translation>shape deploy requiere --rpc URL (o --rpc-file FILE).</translation>
    </message>
    <message>
        <source>deploy: read the JSON-RPC URL from this file&apos;s first line (a URL with a key stays out of the process list).</source>
        <translation>deploy: lee la URL JSON-RPC de la primera línea de este archivo (una URL con clave no aparece en la lista de procesos).</translation>
    </message>
</context>
<context>
    <name>ShapeSettings</name>
    <message>
        <source>A custom network needs its chain id (a whole number above 0).</source>
        <translation>Una red personalizada necesita su id. de cadena (un número entero mayor que 0).</translation>
    </message>
    <message>
        <source>A custom network needs its RPC URL.</source>
        <translation>Una red personalizada necesita su URL de RPC.</translation>
    </message>
    <message>
        <source>The RPC URL must be an http:// or https:// address.</source>
        <translation>La URL del RPC debe ser una dirección http:// o https://.</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>contrato</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operador</translation>
    </message>
    <message>
        <source>The %1 address is not valid: %2</source>
        <translation>La dirección del %1 no es válida: %2</translation>
    </message>
    <message>
        <source>The deadline to pay is from 1 hour to 14 days (336 hours).</source>
        <translation>El plazo de pago va de 1 hora a 14 días (336 horas).</translation>
    </message>
    <message>
        <source>The fee cap is an amount of gwei above 0, with at most 9 decimals (e.g. 0.05).</source>
        <translation>La tarifa máxima es una cantidad de gwei mayor que 0, con 9 decimales como máximo (p. ej., 0.05).</translation>
    </message>
    <message>
        <source>The network is not one the studio knows.</source>
        <translation>El estudio no conoce esta red.</translation>
    </message>
    <message>
        <source>The Shape settings were invalid and were reset: %1</source>
        <translation>Los ajustes de Shape no eran válidos y se restablecieron: %1</translation>
    </message>
</context>
<context>
    <name>WalletAddress</name>
    <message>
        <source>&quot;%1&quot; is not an address (0x and 40 hex digits).</source>
        <translation>&quot;%1&quot; no es una dirección (0x y 40 dígitos hexadecimales).</translation>
    </message>
    <message>
        <source>%1 does not match its checksum (EIP-55): a letter&apos;s case is wrong, so the address may be mistyped.</source>
        <translation>%1 no coincide con su suma de comprobación (EIP-55): una letra está en mayúscula o minúscula por error, así que la dirección puede estar mal escrita.</translation>
    </message>
</context>
<context>
    <name>XApi</name>
    <message>
        <source>X answered with something that is not a JSON object (%1 bytes).</source>
        <translation>X respondió con algo que no es un objeto JSON (%1 bytes).</translation>
    </message>
    <message>
        <source>X refused the rule: %1</source>
        <translation>X rechazó la regla: %1</translation>
    </message>
    <message>
        <source>X ends the stream: %1</source>
        <translation>X cierra el flujo: %1</translation>
    </message>
    <message>
        <source>X said the post was made but gave no id.</source>
        <translation>X dijo que la publicación se hizo, pero no dio su ID.</translation>
    </message>
    <message>
        <source>X answered with &quot;data&quot; that is not a list of posts.</source>
        <translation>X respondió con un &quot;data&quot; que no es una lista de publicaciones.</translation>
    </message>
    <message>
        <source>X could not be reached: %1.</source>
        <translation>No se pudo contactar con X: %1.</translation>
    </message>
    <message>
        <source>X answered %1.</source>
        <translation>X respondió %1.</translation>
    </message>
    <message>
        <source>X answered %1: %2</source>
        <translation>X respondió %1: %2</translation>
    </message>
    <message>
        <source>X answered with a post that has no id, no author or no text.</source>
        <translation>X respondió con una publicación sin id, sin autor o sin texto.</translation>
    </message>
</context>
<context>
    <name>XCli</name>
    <message>
        <source>login, status or logout</source>
        <translation>login, status o logout</translation>
    </message>
    <message>
        <source>The X app&apos;s OAuth 2.0 client id (kept in x.ini).</source>
        <translation>El ID de cliente OAuth 2.0 de la app de X (se guarda en x.ini).</translation>
    </message>
    <message>
        <source>The callback port registered with X (default 8723).</source>
        <translation>El puerto de retorno registrado en X (predeterminado 8723).</translation>
    </message>
    <message>
        <source>X API base URL (default https://api.x.com).</source>
        <translation>URL base de la API de X (predeterminada https://api.x.com).</translation>
    </message>
    <message>
        <source>X&apos;s authorize URL.</source>
        <translation>URL de autorización de X.</translation>
    </message>
    <message>
        <source>Do not listen on the loopback port: paste the address the browser was sent to.</source>
        <translation>No escuchar en el puerto local: pegar la dirección a la que se envió el navegador.</translation>
    </message>
    <message>
        <source>Where x.ini is (default: the app&apos;s config folder).</source>
        <translation>Dónde está x.ini (predeterminado: la carpeta de configuración de la aplicación).</translation>
    </message>
    <message>
        <source>x takes login, status or logout.</source>
        <translation>x admite login, status o logout.</translation>
    </message>
    <message>
        <source>--port takes a port number.</source>
        <translation>--port admite un número de puerto.</translation>
    </message>
    <message>
        <source>Not signed in to X.</source>
        <translation>No hay sesión iniciada en X.</translation>
    </message>
    <message>
        <source>Signed out of X (@%1); the token was revoked and removed from the keychain.</source>
        <translation>Sesión de X cerrada (@%1); el token se revocó y se eliminó del llavero.</translation>
    </message>
    <message>
        <source>Open this address in a browser and allow SothebAIs Studio:</source>
        <translation>Abra esta dirección en un navegador y autorice a SothebAIs Studio:</translation>
    </message>
    <message>
        <source>Then paste here the address the browser was sent to (it starts with %1):</source>
        <translation>Después pegue aquí la dirección a la que se envió el navegador (empieza por %1):</translation>
    </message>
    <message>
        <source>Waiting for X&apos;s answer on %1 …</source>
        <translation>Esperando la respuesta de X en %1 …</translation>
    </message>
    <message>
        <source>No answer from X within 10 minutes.</source>
        <translation>X no respondió en 10 minutos.</translation>
    </message>
    <message>
        <source>Signed in to X as @%1 (account %2). The token is in the keychain.</source>
        <translation>Sesión iniciada en X como @%1 (cuenta %2). El token está en el llavero.</translation>
    </message>
</context>
<context>
    <name>XPollScheduler</name>
    <message>
        <source>rate limited: waiting for the reset at %1</source>
        <translation>límite de peticiones alcanzado: esperando al reinicio a las %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s) in a row: trying again at %1</source>
        <translation>
            <numerusform>%n fallo: se reintentará a las %1</numerusform>
            <numerusform>%n fallos seguidos: se reintentará a las %1</numerusform>
        </translation>
    </message>
    <message>
        <source>no requests left: waiting for the reset at %1</source>
        <translation>no quedan peticiones: esperando al reinicio a las %1</translation>
    </message>
    <message>
        <source>80 % of this month&apos;s read budget is spent: polling slowed</source>
        <translation>Se ha gastado el 80 % del presupuesto de lecturas de este mes: consultas ralentizadas</translation>
    </message>
    <message>
        <source>This month&apos;s read budget is spent: only the sweep after the close reads</source>
        <translation>El presupuesto de lecturas de este mes está agotado: solo se lee en el barrido posterior al cierre</translation>
    </message>
    <message>
        <source>Posts read this month: %1 · about %2 (no budget set)</source>
        <translation>Publicaciones leídas este mes: %1 · aprox. %2 (sin presupuesto definido)</translation>
    </message>
    <message>
        <source>Posts read this month: %1 · about %2 of %3</source>
        <translation>Publicaciones leídas este mes: %1 · aprox. %2 de %3</translation>
    </message>
</context>
<context>
    <name>XSettings</name>
    <message>
        <source>x.ini: callback_port is not a port; using %1.</source>
        <translation>x.ini: callback_port no es un puerto; se usa %1.</translation>
    </message>
    <message>
        <source>x.ini: %1 is not an http(s) URL.</source>
        <translation>x.ini: %1 no es una URL http(s).</translation>
    </message>
    <message>
        <source>Cannot save %1.</source>
        <translation>No se puede guardar %1.</translation>
    </message>
    <message>
        <source>x.ini: %1 is out of range; using %2.</source>
        <translation>x.ini: %1 está fuera de rango; se usa %2.</translation>
    </message>
</context>
<context>
    <name>XTemplates</name>
    <message>
        <source>Auction post (the window opens)</source>
        <translation>Publicación de la subasta (se abre la franja)</translation>
    </message>
    <message>
        <source>Day {day}, lot {lot}: “{title}” by {artist}. Reserve {reserve}, ends {end_time}. To bid, reply: bid {minimum} {hashtag}</source>
        <translation>Día {day}, lote {lot}: “{title}” de {artist}. Reserva {reserve}, termina {end_time}. Para pujar, responde: bid {minimum} {hashtag}</translation>
    </message>
    <message>
        <source>Reply to an accepted bid</source>
        <translation>Respuesta a una puja aceptada</translation>
    </message>
    <message>
        <source>Bid of {amount} accepted: you lead lot {lot}. Next bid: {minimum} or more.</source>
        <translation>Puja de {amount} aceptada: lideras el lote {lot}. Siguiente puja: {minimum} o más.</translation>
    </message>
    <message>
        <source>Reply to a rejected bid</source>
        <translation>Respuesta a una puja rechazada</translation>
    </message>
    <message>
        <source>Bid not accepted: {reason}</source>
        <translation>Puja no aceptada: {reason}</translation>
    </message>
    <message>
        <source>Thread: a new leader</source>
        <translation>Hilo: un nuevo líder</translation>
    </message>
    <message>
        <source>New leader on lot {lot}: {bidder} with {amount}. Next bid: {minimum} or more. {hashtag}</source>
        <translation>Nuevo líder en el lote {lot}: {bidder} con {amount}. Siguiente puja: {minimum} o más. {hashtag}</translation>
    </message>
    <message>
        <source>Thread: a late bid extends the auction</source>
        <translation>Hilo: una puja tardía prolonga la subasta</translation>
    </message>
    <message>
        <source>A late bid extends lot {lot} by {minutes} min. It now ends {end_time}. {hashtag}</source>
        <translation>Una puja tardía prolonga {minutes} min el lote {lot}. Ahora termina {end_time}. {hashtag}</translation>
    </message>
    <message>
        <source>Thread: the last minutes</source>
        <translation>Hilo: los últimos minutos</translation>
    </message>
    <message>
        <source>{minutes} minutes left on lot {lot}. Leading bid: {amount}. Next bid: {minimum} or more. {hashtag}</source>
        <translation>Quedan {minutes} minutos en el lote {lot}. Puja en cabeza: {amount}. Siguiente puja: {minimum} o más. {hashtag}</translation>
    </message>
    <message>
        <source>Thread: the winner</source>
        <translation>Hilo: el ganador</translation>
    </message>
    <message>
        <source>Sold! Lot {lot}, “{title}” by {artist}, goes to {bidder} for {amount}. {hashtag}</source>
        <translation>¡Vendido! El lote {lot}, “{title}” de {artist}, es para {bidder} por {amount}. {hashtag}</translation>
    </message>
    <message>
        <source>Reply to the winner: how to settle</source>
        <translation>Respuesta al ganador: cómo liquidar</translation>
    </message>
    <message>
        <source>Thread: a summary of many bids</source>
        <translation>Hilo: resumen de muchas pujas</translation>
    </message>
    <message>
        <source>Lot {lot}: {accepted_count} bids accepted, {rejected_count} not ({below_minimum_count} below the minimum). Leader: {bidder} with {amount}. Next bid: {minimum} or more. {hashtag}</source>
        <translation>Lote {lot}: {accepted_count} pujas aceptadas, {rejected_count} no ({below_minimum_count} por debajo del mínimo). Líder: {bidder} con {amount}. Siguiente puja: {minimum} o más. {hashtag}</translation>
    </message>
    <message>
        <source>Thread: no winner</source>
        <translation>Hilo: sin ganador</translation>
    </message>
    <message>
        <source>Lot {lot}, “{title}”, closed without a valid bid. {hashtag}</source>
        <translation>El lote {lot}, “{title}”, se cerró sin ninguna puja válida. {hashtag}</translation>
    </message>
    <message>
        <source>The marathon day&apos;s number (1, 2, …).</source>
        <translation>El número del día del maratón (1, 2, …).</translation>
    </message>
    <message>
        <source>The lot&apos;s number in the day (1, 2, …).</source>
        <translation>El número del lote en el día (1, 2, …).</translation>
    </message>
    <message>
        <source>The artwork&apos;s title.</source>
        <translation>El título de la obra.</translation>
    </message>
    <message>
        <source>The artist&apos;s name.</source>
        <translation>El nombre del artista.</translation>
    </message>
    <message>
        <source>The reserve price, e.g. 0.01 ETH.</source>
        <translation>El precio de reserva, p. ej. 0.01 ETH.</translation>
    </message>
    <message>
        <source>The least the next bid may be, e.g. 0.0525 ETH.</source>
        <translation>El mínimo que puede ofrecer la siguiente puja, p. ej. 0.0525 ETH.</translation>
    </message>
    <message>
        <source>The bid&apos;s amount; in thread posts, the leading bid&apos;s.</source>
        <translation>El importe de la puja; en las publicaciones del hilo, el de la puja en cabeza.</translation>
    </message>
    <message>
        <source>The bidder&apos;s X username with @ (“a bidder” when it is not a username).</source>
        <translation>El nombre de usuario de X del postor, con @ (“un postor” cuando no es un nombre de usuario).</translation>
    </message>
    <message>
        <source>Why the bid was not accepted, in a sentence.</source>
        <translation>Por qué no se aceptó la puja, en una frase.</translation>
    </message>
    <message>
        <source>When the auction ends, in the marathon&apos;s time zone.</source>
        <translation>Cuándo termina la subasta, en la zona horaria del maratón.</translation>
    </message>
    <message>
        <source>Minutes left before the end, or added by an extension.</source>
        <translation>Minutos que quedan hasta el final, o añadidos por una prórroga.</translation>
    </message>
    <message>
        <source>The marathon&apos;s hashtag, with #.</source>
        <translation>El hashtag del maratón, con #.</translation>
    </message>
    <message>
        <source>The studio&apos;s X account, with @.</source>
        <translation>La cuenta de X del estudio, con @.</translation>
    </message>
    <message>
        <source>The wallet the winner linked (&quot;wallet 0x…&quot;), where the lot is minted; if none, how to link one.</source>
        <translation>La billetera que vinculó el ganador (&quot;wallet 0x…&quot;), donde se acuña el lote; si no hay ninguna, cómo vincular una.</translation>
    </message>
    <message>
        <source>When the winner&apos;s time to settle runs out.</source>
        <translation>Cuándo se acaba el plazo del ganador para liquidar.</translation>
    </message>
    <message>
        <source>How many bids were accepted since the last summary.</source>
        <translation>Cuántas pujas se aceptaron desde el último resumen.</translation>
    </message>
    <message>
        <source>How many bids were not accepted since the last summary.</source>
        <translation>Cuántas pujas no se aceptaron desde el último resumen.</translation>
    </message>
    <message>
        <source>How many of those were below the reserve or the minimum raise.</source>
        <translation>Cuántas de ellas quedaron por debajo de la reserva o del incremento mínimo.</translation>
    </message>
    <message>
        <source>There is no kind of post “%1”.</source>
        <translation>No existe el tipo de publicación “%1”.</translation>
    </message>
    <message>
        <source>The text for “%1” names %2, which is not one of its variables; it stays as written.</source>
        <translation>El texto de “%1” nombra %2, que no es una de sus variables; se deja tal cual.</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>El texto está vacío.</translation>
    </message>
    <message>
        <source>%1 is not a variable of this post; it may use %2.</source>
        <translation>%1 no es una variable de esta publicación; puede usar %2.</translation>
    </message>
    <message>
        <source>With values of typical length this post counts %1 of the %2 characters X allows; shorten it.</source>
        <translation>Con valores de longitud típica, esta publicación ocupa %1 de los %2 caracteres que permite X; acórtala.</translation>
    </message>
    <message>
        <source>a bidder</source>
        <translation>un postor</translation>
    </message>
    <message>
        <source>Congratulations! Lot {lot} is yours for {amount}. Its settlement on Shape goes to {wallet}.</source>
        <translation>¡Enhorabuena! El lote {lot} es tuyo por {amount}. Su liquidación en Shape va a {wallet}.</translation>
    </message>
    <message>
        <source>Reply to the buyer: link a wallet</source>
        <translation>Respuesta al comprador: vincular una billetera</translation>
    </message>
    <message>
        <source>Lot {lot} is yours for {amount}! To receive it on Shape, reply with your address: wallet 0x… before {deadline}.</source>
        <translation>¡El lote {lot} es suyo por {amount}! Para recibirlo en Shape, responda con su dirección: wallet 0x… antes de {deadline}.</translation>
    </message>
    <message>
        <source>Reply to the buyer: how to pay</source>
        <translation>Respuesta al comprador: cómo pagar</translation>
    </message>
    <message>
        <source>Lot {lot} is reserved for {wallet}: pay {amount} with claim() to {contract} on Shape before {deadline}; token #{token} is minted to you.</source>
        <translation>El lote {lot} está reservado para {wallet}: pague {amount} con claim() a {contract} en Shape antes de {deadline}; el token #{token} se acuña a su nombre.</translation>
    </message>
    <message>
        <source>Thread: the runner-up&apos;s turn</source>
        <translation>Hilo: turno del segundo postor</translation>
    </message>
    <message>
        <source>Lot {lot} was not paid in time. It now goes to {bidder} for {amount}, to settle before {deadline}. {hashtag}</source>
        <translation>El lote {lot} no se pagó a tiempo. Ahora pasa a {bidder} por {amount}, con liquidación antes de {deadline}. {hashtag}</translation>
    </message>
    <message>
        <source>Thread: paid and minted</source>
        <translation>Hilo: pagado y acuñado</translation>
    </message>
    <message>
        <source>Paid ✓ — token #{token} minted to {wallet}. {hashtag}</source>
        <translation>Pagado ✓ — token #{token} acuñado para {wallet}. {hashtag}</translation>
    </message>
    <message>
        <source>The auction house contract on Shape that the buyer pays.</source>
        <translation>El contrato de la casa de subastas en Shape al que paga el comprador.</translation>
    </message>
    <message>
        <source>The lot&apos;s token number on Shape (1, 2, …).</source>
        <translation>El número de token del lote en Shape (1, 2, …).</translation>
    </message>
</context>
<context>
    <name>sb::app::AuctionDock</name>
    <message>
        <source>Auction</source>
        <translation>Subasta</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>A demo marathon with simulated bidders. Nothing here is real.</source>
        <translation>Un maratón de demostración con postores simulados. Aquí nada es real.</translation>
    </message>
    <message>
        <source>Auction:</source>
        <translation>Subasta:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Leader:</source>
        <translation>Líder:</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Tiempo restante:</translation>
    </message>
    <message>
        <source>Next bid from:</source>
        <translation>Próxima puja desde:</translation>
    </message>
    <message>
        <source>Operator actions</source>
        <translation>Acciones del operador</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Prolongar</translation>
    </message>
    <message>
        <source>Close now</source>
        <translation>Cerrar ahora</translation>
    </message>
    <message>
        <source>Cancel day</source>
        <translation>Cancelar el día</translation>
    </message>
    <message>
        <source>Mark settled</source>
        <translation>Marcar como liquidada</translation>
    </message>
    <message>
        <source>Manual bid</source>
        <translation>Puja manual</translation>
    </message>
    <message>
        <source>Bidder</source>
        <translation>Postor</translation>
    </message>
    <message>
        <source>Amount, e.g. 0.5 ETH</source>
        <translation>Importe, p. ej. 0.5 ETH</translation>
    </message>
    <message>
        <source>Submit bid</source>
        <translation>Enviar puja</translation>
    </message>
    <message>
        <source>Set up the real marathon…</source>
        <translation>Configurar el maratón real…</translation>
    </message>
    <message>
        <source>No auction</source>
        <translation>Sin subasta</translation>
    </message>
    <message>
        <source>Day %1 of %2 · lot %3 · %4</source>
        <translation>Día %1 de %2 · lote %3 · %4</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>sin título</translation>
    </message>
    <message>
        <source> · extended</source>
        <translation> · prolongada</translation>
    </message>
    <message>
        <source> · won by %1</source>
        <translation> · ganada por %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>no bids yet</source>
        <translation>aún no hay pujas</translation>
    </message>
    <message>
        <source>next in %1</source>
        <translation>siguiente en %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Resume the auction?</source>
        <translation>¿Reanudar la subasta?</translation>
    </message>
    <message>
        <source>Pause the auction? The clock stops.</source>
        <translation>¿Pausar la subasta? El reloj se detiene.</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>Reanudada.</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>En pausa.</translation>
    </message>
    <message numerus="yes">
        <source>Extend the auction by %n minute(s)?</source>
        <translation>
            <numerusform>¿Prolongar la subasta %n minuto?</numerusform>
            <numerusform>¿Prolongar la subasta %n minutos?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extended by %n minute(s).</source>
        <translation>
            <numerusform>Prolongada %n minuto.</numerusform>
            <numerusform>Prolongada %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close the auction now? The leader wins after the grace period.</source>
        <translation>¿Cerrar la subasta ahora? El líder gana tras el periodo de gracia.</translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>Cerrada.</translation>
    </message>
    <message>
        <source>cancelled by the operator</source>
        <translation>cancelada por el operador</translation>
    </message>
    <message>
        <source>Cancel the day</source>
        <translation>Cancelar el día</translation>
    </message>
    <message>
        <source>Why is this auction cancelled? (kept in the journal)</source>
        <translation>¿Por qué se cancela esta subasta? (se guarda en el registro de eventos)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelada.</translation>
    </message>
    <message>
        <source>Mark this auction as settled (paid and delivered)?</source>
        <translation>¿Marcar esta subasta como liquidada (pagada y entregada)?</translation>
    </message>
    <message>
        <source>settled by hand</source>
        <translation>liquidada manualmente</translation>
    </message>
    <message>
        <source>Marked settled.</source>
        <translation>Marcada como liquidada.</translation>
    </message>
    <message>
        <source>Type the bidder and the amount.</source>
        <translation>Escribe el postor y el importe.</translation>
    </message>
    <message>
        <source>Accepted: %1 leads.</source>
        <translation>Aceptada: %1 va en cabeza.</translation>
    </message>
    <message>
        <source>Accepted.</source>
        <translation>Aceptada.</translation>
    </message>
    <message>
        <source>Waiting for review in the Bids dock.</source>
        <translation>A la espera de revisión en el panel Pujas.</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rechazada: %1</translation>
    </message>
    <message>
        <source>Already recorded.</source>
        <translation>Ya registrada.</translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
</context>
<context>
    <name>sb::app::BidsDock</name>
    <message>
        <source>Bids</source>
        <translation>Pujas</translation>
    </message>
    <message>
        <source>Filter by bidder or text</source>
        <translation>Filtrar por postor o texto</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Invalidate…</source>
        <translation>Invalidar…</translation>
    </message>
    <message>
        <source>Invalidate the selected accepted bid; the leader becomes the highest remaining valid bid</source>
        <translation>Invalida la puja aceptada seleccionada; pasa a liderar la puja válida más alta que quede</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Approve the selected bid in review; it is judged at the time it was posted</source>
        <translation>Aprueba la puja en revisión seleccionada; se evalúa en el momento en que se publicó</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Rechazar…</translation>
    </message>
    <message>
        <source>Reject the selected bid in review</source>
        <translation>Rechaza la puja en revisión seleccionada</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Write bids.csv and results.csv to a folder</source>
        <translation>Escribe bids.csv y results.csv en una carpeta</translation>
    </message>
    <message>
        <source>Invalidate bid</source>
        <translation>Invalidar puja</translation>
    </message>
    <message>
        <source>Why is %1&apos;s bid of %2 invalid? The reason is kept in the audit journal.</source>
        <translation>¿Por qué no es válida la puja de %2 de %1? El motivo se guarda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Invalidate %1&apos;s bid of %2? If it leads, the highest remaining valid bid takes the lead; the end time does not change.</source>
        <translation>¿Invalidar la puja de %2 de %1? Si va en cabeza, pasa a liderar la puja válida más alta que quede; la hora de cierre no cambia.</translation>
    </message>
    <message>
        <source>Approve bid</source>
        <translation>Aprobar puja</translation>
    </message>
    <message>
        <source>Approve %1&apos;s bid of %2? It is judged against the auction as it stands, at the time it was posted.</source>
        <translation>¿Aprobar la puja de %2 de %1? Se evalúa frente a la subasta tal como estaba en el momento en que se publicó.</translation>
    </message>
    <message>
        <source>Reject bid</source>
        <translation>Rechazar puja</translation>
    </message>
    <message>
        <source>Why is %1&apos;s bid of %2 rejected? The bidder may read it.</source>
        <translation>¿Por qué se rechaza la puja de %2 de %1? El postor puede leerlo.</translation>
    </message>
    <message>
        <source>Export bids and results (bids.csv, results.csv)</source>
        <translation>Exportar pujas y resultados (bids.csv, results.csv)</translation>
    </message>
</context>
<context>
    <name>sb::app::DestinationDialog</name>
    <message>
        <source>Add Destination</source>
        <translation>Añadir destino</translation>
    </message>
    <message>
        <source>Edit Destination</source>
        <translation>Editar destino</translation>
    </message>
    <message>
        <source>X Media Studio</source>
        <translation>X Media Studio</translation>
    </message>
    <message>
        <source>rtmps://va.pscp.tv:443/x</source>
        <translation>rtmps://va.pscp.tv:443/x</translation>
    </message>
    <message>
        <source>The server URL, without the stream key: rtmp://… or rtmps://…. X Media Studio shows it as “RTMPS URL”.</source>
        <translation>La URL del servidor, sin la clave de transmisión: rtmp://… o rtmps://…. X Media Studio la muestra como “RTMPS URL”.</translation>
    </message>
    <message>
        <source>A key is stored; type a new one to replace it</source>
        <translation>Hay una clave guardada; escribe una nueva para reemplazarla</translation>
    </message>
    <message>
        <source>Paste the stream key</source>
        <translation>Pega la clave de transmisión</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Forget the stored stream key</source>
        <translation>Olvidar la clave de transmisión guardada</translation>
    </message>
    <message>
        <source>The stream key is kept in the system keychain, never in a settings file.</source>
        <translation>La clave de transmisión se guarda en el llavero del sistema, nunca en un archivo de configuración.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>&amp;URL del servidor:</translation>
    </message>
    <message>
        <source>Stream &amp;key:</source>
        <translation>&amp;Clave de transmisión:</translation>
    </message>
</context>
<context>
    <name>sb::app::EventLogDock</name>
    <message>
        <source>Marathon</source>
        <translation>Maratón</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Bids</source>
        <translation>Pujas</translation>
    </message>
    <message>
        <source>Leaders, extensions, winners</source>
        <translation>Líderes, prórrogas, ganadores</translation>
    </message>
    <message>
        <source>Operator actions</source>
        <translation>Acciones del operador</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Entregas</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Registro de eventos</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Mensajes fallidos</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Todos los niveles</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Advertencias y errores</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Solo errores</translation>
    </message>
    <message>
        <source>Search the summaries</source>
        <translation>Buscar en los resúmenes</translation>
    </message>
    <message>
        <source>Follow newest</source>
        <translation>Seguir los más recientes</translation>
    </message>
    <message>
        <source>Re-drive</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <source>Deliver the selected event to its subscriber again now</source>
        <translation>Vuelve a entregar ahora el evento seleccionado a su suscriptor</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Dead letters (%1)</source>
        <translation>Mensajes fallidos (%1)</translation>
    </message>
    <message>
        <source>Event %1 was delivered to %2.</source>
        <translation>El evento %1 se entregó a %2.</translation>
    </message>
</context>
<context>
    <name>sb::app::HeadlessBroadcast</name>
    <message>
        <source>%1 is not an RTMP address: it must start with rtmp:// or rtmps://.</source>
        <translation>%1 no es una dirección RTMP: debe empezar por rtmp:// o rtmps://.</translation>
    </message>
    <message>
        <source>Cannot record to %1: the folder does not exist.</source>
        <translation>No se puede grabar en %1: la carpeta no existe.</translation>
    </message>
    <message>
        <source>Broadcast stopped: %1</source>
        <translation>Emisión detenida: %1</translation>
    </message>
    <message>
        <source>Broadcasting %1×%2 at %3 fps, %4 kbps, encoder %5.</source>
        <translation>Emitiendo %1×%2 a %3 fps, %4 kbps, codificador %5.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>--stream-key-file was given %1 time(s) for %2 --stream destination(s); give one key file per --stream, in the same order.</source>
        <translation>--stream-key-file se indicó %1 vez/veces para %2 destino(s) --stream; indique un archivo de clave por cada --stream, en el mismo orden.</translation>
    </message>
    <message>
        <source>--stream-key-file: %1.</source>
        <translation>--stream-key-file: %1.</translation>
    </message>
    <message>
        <source>--stream-key-file: cannot read %1: %2.</source>
        <translation>--stream-key-file: no se puede leer %1: %2.</translation>
    </message>
    <message>
        <source>--stream-key-file: %1 is %2 bytes; a stream key file holds only the key.</source>
        <translation>--stream-key-file: %1 tiene %2 bytes; un archivo de clave contiene solo la clave.</translation>
    </message>
    <message>
        <source>--stream-key-file: %1 is empty; it must hold the stream key.</source>
        <translation>--stream-key-file: %1 está vacío; debe contener la clave de transmisión.</translation>
    </message>
    <message>
        <source>--stream-key-file: %1 must hold the stream key alone, on one line.</source>
        <translation>--stream-key-file: %1 debe contener solo la clave de transmisión, en una línea.</translation>
    </message>
    <message>
        <source>warning: %1 can be read by other users; chmod 600 it.</source>
        <translation>aviso: otros usuarios pueden leer %1; aplique chmod 600.</translation>
    </message>
    <message>
        <source>--scenes: %1</source>
        <translation>--scenes: %1</translation>
    </message>
    <message>
        <source>warning: %1 The default scenes are shown.</source>
        <translation>aviso: %1 Se muestran las escenas predeterminadas.</translation>
    </message>
    <message>
        <source>warning: the scene collection is laid out for %1×%2 and the canvas is %3×%4; its sources keep their positions and sizes.</source>
        <translation>aviso: la colección de escenas está diseñada para %1×%2 y el lienzo es de %3×%4; sus fuentes conservan sus posiciones y tamaños.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>warning: a stream key given in --stream can be read by every user of this machine (ps, /proc); put it in a file and pass --stream-key-file FILE.</source>
        <translation>aviso: una clave de transmisión indicada en --stream la puede leer cualquier usuario de esta máquina (ps, /proc); guárdela en un archivo y use --stream-key-file ARCHIVO.</translation>
    </message>
    <message>
        <source>Cannot record to %1: %2.</source>
        <translation>No se puede grabar en %1: %2.</translation>
    </message>
    <message>
        <source>The recording %1 is incomplete: it holds what was written before it failed.</source>
        <translation>La grabación %1 está incompleta: contiene lo que se escribió antes del fallo.</translation>
    </message>
</context>
<context>
    <name>sb::app::HostDock</name>
    <message>
        <source>Host</source>
        <translation>Presentadora</translation>
    </message>
    <message>
        <source>Mood now:</source>
        <translation>Estado de ánimo:</translation>
    </message>
    <message>
        <source>Set mood</source>
        <translation>Cambiar estado de ánimo</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Operador:</translation>
    </message>
    <message>
        <source>A line for the host to say</source>
        <translation>Una frase para que la diga la presentadora</translation>
    </message>
    <message>
        <source>Say</source>
        <translation>Decir</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>The host stops saying and captioning lines about the auction; your own lines are still said</source>
        <translation>La presentadora deja de decir y subtitular frases sobre la subasta; las frases escritas por usted se siguen diciendo</translation>
    </message>
    <message>
        <source>Skip line</source>
        <translation>Saltar frase</translation>
    </message>
    <message>
        <source>Stops the line she is saying now, and drops lines waiting for the LLM</source>
        <translation>Detiene la frase que está diciendo ahora y descarta las frases que esperan al LLM</translation>
    </message>
    <message>
        <source>Muted: she says no lines about the auction, only yours.</source>
        <translation>Silenciada: no dice frases sobre la subasta, solo las escritas por usted.</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Quitar silencio</translation>
    </message>
    <message>
        <source>LLM: %1</source>
        <translation>LLM: %1</translation>
    </message>
    <message>
        <source>VTube Studio: %1</source>
        <translation>VTube Studio: %1</translation>
    </message>
</context>
<context>
    <name>sb::app::HostSettingsPage</name>
    <message>
        <source>Persona</source>
        <translation>Personaje</translation>
    </message>
    <message>
        <source>Voice and lines</source>
        <translation>Voz y frases</translation>
    </message>
    <message>
        <source>LLM</source>
        <translation>LLM</translation>
    </message>
    <message>
        <source>VTube Studio</source>
        <translation>VTube Studio</translation>
    </message>
    <message>
        <source>The persona the studio ships</source>
        <translation>El personaje incluido en el estudio</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Cargar</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Reset to the shipped persona</source>
        <translation>Restablecer el personaje incluido</translation>
    </message>
    <message>
        <source>Character file:</source>
        <translation>Archivo de personaje:</translation>
    </message>
    <message>
        <source>Voice (espeak-ng):</source>
        <translation>Voz (espeak-ng):</translation>
    </message>
    <message>
        <source> words/min</source>
        <translation> palabras/min</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Velocidad:</translation>
    </message>
    <message>
        <source>Pitch:</source>
        <translation>Tono:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>At most one line every:</source>
        <translation>Como máximo una frase cada:</translation>
    </message>
    <message>
        <source>One word or phrase a line</source>
        <translation>Una palabra o expresión por línea</translation>
    </message>
    <message>
        <source>Words she never says:</source>
        <translation>Palabras que nunca dice:</translation>
    </message>
    <message>
        <source>Also blocked always: links and phrases of prompt injection. Lines are compared without case, accents or leetspeak.</source>
        <translation>También se bloquean siempre: enlaces y frases de inyección de prompts. Las frases se comparan sin distinguir mayúsculas, acentos ni leetspeak.</translation>
    </message>
    <message>
        <source>Optional. With an OpenAI-compatible server (llama.cpp, Ollama, a hosted one) the host varies her lines; whenever its line is late, unsafe or wrong, she says the template line. Leave the address empty for template lines only.</source>
        <translation>Opcional. Con un servidor compatible con OpenAI (llama.cpp, Ollama o uno alojado) la presentadora varía sus frases; cuando la frase del servidor llega tarde, no es segura o es incorrecta, dice la frase de plantilla. Deje la dirección vacía para usar solo frases de plantilla.</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>URL base:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>Unchanged (kept in the keychain)</source>
        <translation>Sin cambios (guardada en el llavero)</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Clave de API:</translation>
    </message>
    <message>
        <source>Forget API key</source>
        <translation>Olvidar clave de API</translation>
    </message>
    <message>
        <source>Removes the LLM&apos;s API key from the keychain now</source>
        <translation>Elimina ahora del llavero la clave de API del LLM</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>First word within:</source>
        <translation>Plazo para la primera palabra:</translation>
    </message>
    <message>
        <source>Whole line within:</source>
        <translation>Plazo para la frase completa:</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Probar</translation>
    </message>
    <message>
        <source>Move my VTube Studio model with the host</source>
        <translation>Mover mi modelo de VTube Studio con la presentadora</translation>
    </message>
    <message>
        <source>VTube Studio API:</source>
        <translation>API de VTube Studio:</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>Hotkey ID</source>
        <translation>ID de hotkey</translation>
    </message>
    <message>
        <source>Hotkey per mood:</source>
        <translation>Hotkey por ánimo:</translation>
    </message>
    <message>
        <source>VTube Studio asks once to allow the plugin; its token is kept in the keychain. The hotkey IDs are in VTube Studio&apos;s hotkey settings; a mood left empty triggers nothing.</source>
        <translation>VTube Studio pide una sola vez permiso para el plugin; su token se guarda en el llavero. Los ID de hotkey están en la configuración de hotkeys de VTube Studio; un ánimo vacío no activa nada.</translation>
    </message>
    <message>
        <source>Forget token</source>
        <translation>Olvidar token</translation>
    </message>
    <message>
        <source>Removes VTube Studio&apos;s plugin token from the keychain now; VTube Studio then asks again to allow the plugin</source>
        <translation>Elimina ahora del llavero el token del plugin de VTube Studio; después VTube Studio vuelve a pedir permiso para el plugin</translation>
    </message>
    <message>
        <source>Persona: %1</source>
        <translation>Personaje: %1</translation>
    </message>
    <message>
        <source>“%1” is ready.</source>
        <translation>“%1” está listo.</translation>
    </message>
    <message>
        <source>Host persona</source>
        <translation>Personaje de la presentadora</translation>
    </message>
    <message>
        <source>Character files (*.json)</source>
        <translation>Archivos de personaje (*.json)</translation>
    </message>
    <message>
        <source>The persona could not be written to %1: %2</source>
        <translation>No se pudo escribir el personaje en %1: %2</translation>
    </message>
    <message>
        <source>Saving the API key in the keychain…</source>
        <translation>Guardando la clave de API en el llavero…</translation>
    </message>
    <message>
        <source>The API key is in the keychain.</source>
        <translation>La clave de API está en el llavero.</translation>
    </message>
    <message>
        <source>The API key was not saved: %1</source>
        <translation>No se guardó la clave de API: %1</translation>
    </message>
    <message>
        <source>Set the base URL and the model first.</source>
        <translation>Indique primero la URL base y el modelo.</translation>
    </message>
    <message>
        <source>Asking the LLM…</source>
        <translation>Consultando al LLM…</translation>
    </message>
    <message>
        <source>The LLM said: “%1”</source>
        <translation>El LLM dijo: “%1”</translation>
    </message>
    <message>
        <source>The template line would be said: %1</source>
        <translation>Se diría la frase de plantilla: %1</translation>
    </message>
    <message>
        <source>Removing the API key from the keychain…</source>
        <translation>Eliminando la clave de API del llavero…</translation>
    </message>
    <message>
        <source>The API key was removed from the keychain.</source>
        <translation>La clave de API se eliminó del llavero.</translation>
    </message>
    <message>
        <source>The API key was not removed from the keychain: %1</source>
        <translation>No se eliminó la clave de API del llavero: %1</translation>
    </message>
    <message>
        <source>Removing the plugin token from the keychain…</source>
        <translation>Eliminando el token del plugin del llavero…</translation>
    </message>
    <message>
        <source>The plugin token was removed from the keychain; VTube Studio asks to allow the plugin again when the studio next starts its bridge.</source>
        <translation>El token del plugin se eliminó del llavero; VTube Studio volverá a pedir permiso para el plugin la próxima vez que el estudio inicie su puente.</translation>
    </message>
    <message>
        <source>The plugin token was not removed from the keychain: %1</source>
        <translation>No se eliminó el token del plugin del llavero: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Music bed:</source>
        <translation>Música de fondo:</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Music level:</source>
        <translation>Nivel de la música:</translation>
    </message>
    <message>
        <source>Any audio file FFmpeg reads, looped in the stream and the recording; it is 10 dB lower while she speaks.</source>
        <translation>Cualquier archivo de audio que FFmpeg lea, en bucle en la emisión y en la grabación; baja 10 dB mientras ella habla.</translation>
    </message>
    <message>
        <source>Music bed</source>
        <translation>Música de fondo</translation>
    </message>
    <message>
        <source>Audio files (*.mp3 *.ogg *.opus *.flac *.wav *.m4a *.aac);;All files (*)</source>
        <translation>Archivos de audio (*.mp3 *.ogg *.opus *.flac *.wav *.m4a *.aac);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The music bed %1 cannot be played: %2</source>
        <translation>La música de fondo %1 no se puede reproducir: %2</translation>
    </message>
    <message>
        <source>The persona file could not be read: %1</source>
        <translation>No se pudo leer el archivo de personaje: %1</translation>
    </message>
</context>
<context>
    <name>sb::app::HotkeysSettingsPage</name>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Hotkey</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>Reset to &amp;Defaults</source>
        <translation>Restablecer &amp;valores predeterminados</translation>
    </message>
    <message>
        <source>Click a hotkey and press the keys to assign; the clear button leaves the action without one.</source>
        <translation>Haz clic en un atajo y pulsa las teclas que quieras asignar; el botón de borrar deja la acción sin atajo.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>%1 is the hotkey of more than one action: %2. Give each its own.</source>
        <translation>%1 es el atajo de más de una acción: %2. Asigna uno distinto a cada una.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>Another action has the same hotkey.</source>
        <translation>Otra acción tiene el mismo atajo.</translation>
    </message>
</context>
<context>
    <name>sb::app::MainWindow</name>
    <message>
        <source>SothebAIs Studio</source>
        <translation>SothebAIs Studio</translation>
    </message>
    <message>
        <source>The new video and output settings apply when streaming and recording stop.</source>
        <translation>La nueva configuración de vídeo y salida se aplica cuando se detienen la transmisión y la grabación.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Controles</translation>
    </message>
    <message>
        <source>Start Streaming</source>
        <translation>Iniciar transmisión</translation>
    </message>
    <message>
        <source>Waiting for the keychain…</source>
        <translation>Esperando al llavero…</translation>
    </message>
    <message>
        <source>Start Recording</source>
        <translation>Iniciar grabación</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Invalidate</source>
        <translation>Invalidar</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>SothebAIs Studio — DEMO marathon</source>
        <translation>SothebAIs Studio — maratón DEMO</translation>
    </message>
    <message>
        <source>SothebAIs Studio — %1</source>
        <translation>SothebAIs Studio — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New marathon…</source>
        <translation>&amp;Nuevo maratón…</translation>
    </message>
    <message>
        <source>&amp;Import scene collection…</source>
        <translation>&amp;Importar colección de escenas…</translation>
    </message>
    <message>
        <source>&amp;Export scene collection…</source>
        <translation>&amp;Exportar colección de escenas…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Safe areas</source>
        <translation>Áreas &amp;seguras</translation>
    </message>
    <message>
        <source>&amp;Docks</source>
        <translation>&amp;Paneles</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;Restablecer diseño</translation>
    </message>
    <message>
        <source>&amp;Auction</source>
        <translation>&amp;Subasta</translation>
    </message>
    <message>
        <source>&amp;Pause / resume</source>
        <translation>&amp;Pausar / reanudar</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>P&amp;rolongar</translation>
    </message>
    <message>
        <source>&amp;Close now</source>
        <translation>&amp;Cerrar ahora</translation>
    </message>
    <message>
        <source>&amp;Broadcast</source>
        <translation>&amp;Transmisión</translation>
    </message>
    <message>
        <source>Start / stop &amp;streaming</source>
        <translation>Iniciar / detener &amp;transmisión</translation>
    </message>
    <message>
        <source>Start / stop &amp;recording</source>
        <translation>Iniciar / detener &amp;grabación</translation>
    </message>
    <message>
        <source>&amp;Next scene</source>
        <translation>Escena &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;Previous scene</source>
        <translation>Escena &amp;anterior</translation>
    </message>
    <message>
        <source>● LIVE %1</source>
        <translation>● EN VIVO %1</translation>
    </message>
    <message>
        <source>● REC</source>
        <translation>● REC</translation>
    </message>
    <message>
        <source>%1 / %2 FPS</source>
        <translation>%1 / %2 FPS</translation>
    </message>
    <message>
        <source>CPU: %1 %</source>
        <translation>CPU: %1 %</translation>
    </message>
    <message>
        <source>%1 kb/s</source>
        <translation>%1 kb/s</translation>
    </message>
    <message>
        <source>Stop Streaming</source>
        <translation>Detener transmisión</translation>
    </message>
    <message>
        <source>Stop Recording</source>
        <translation>Detener grabación</translation>
    </message>
    <message>
        <source>Stop streaming</source>
        <translation>Detener transmisión</translation>
    </message>
    <message>
        <source>Stop streaming to every destination?</source>
        <translation>¿Detener la transmisión a todos los destinos?</translation>
    </message>
    <message>
        <source>Start streaming</source>
        <translation>Iniciar transmisión</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no stream key: set it in Settings → Stream.</source>
        <translation>&quot;%1&quot; no tiene clave de transmisión: configúrala en Configuración → Transmisión.</translation>
    </message>
    <message>
        <source>Recording saved to %1</source>
        <translation>Grabación guardada en %1</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Iniciar grabación</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language applies the next time the studio starts.</source>
        <translation>El nuevo idioma se aplica la próxima vez que se inicie el estudio.</translation>
    </message>
    <message>
        <source>New marathon</source>
        <translation>Nuevo maratón</translation>
    </message>
    <message>
        <source>A real marathon is running. It is never replaced from the studio; to start another, move its data folder away first.</source>
        <translation>Hay un maratón real en curso. Nunca se reemplaza desde el estudio; para empezar otro, primero mueve su carpeta de datos a otro lugar.</translation>
    </message>
    <message>
        <source>Import scene collection</source>
        <translation>Importar colección de escenas</translation>
    </message>
    <message>
        <source>Scene collections (*.json)</source>
        <translation>Colecciones de escenas (*.json)</translation>
    </message>
    <message>
        <source>Export scene collection</source>
        <translation>Exportar colección de escenas</translation>
    </message>
    <message>
        <source>Streaming or recording is on. Stop and exit?</source>
        <translation>La transmisión o la grabación está activa. ¿Detener y salir?</translation>
    </message>
    <message>
        <source>OpenGL contexts cannot be shared, so the preview cannot show the program.</source>
        <translation>Los contextos OpenGL no se pueden compartir, así que la vista previa no puede mostrar el programa.</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>The demo marathon is not settled on chain; settlement starts with a real marathon.</source>
        <translation>El maratón de demostración no se liquida en la cadena; la liquidación empieza con un maratón real.</translation>
    </message>
    <message>
        <source>Reading the operator key from the keychain…</source>
        <translation>Leyendo la clave del operador del llavero…</translation>
    </message>
    <message>
        <source>The persona&apos;s posts left out: %1</source>
        <translation>Publicaciones del personaje omitidas: %1</translation>
    </message>
</context>
<context>
    <name>sb::app::MarathonWizard</name>
    <message>
        <source>Enter an amount in ETH, such as 0.01.</source>
        <translation>Escribe un importe en ETH, como 0.01.</translation>
    </message>
    <message>
        <source>ETH amounts have at most 9 decimals (1 gwei).</source>
        <translation>Los importes en ETH tienen como máximo 9 decimales (1 gwei).</translation>
    </message>
    <message>
        <source>%1 ETH is too large.</source>
        <translation>%1 ETH es demasiado.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount of ETH; write it like 0.001 or 0.</source>
        <translation>&quot;%1&quot; no es un importe en ETH; escríbelo como 0.001 o 0.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount of ETH above 0; write it like 0.01 or 1,000.5.</source>
        <translation>&quot;%1&quot; no es un importe en ETH mayor que 0; escríbelo como 0.01 o 1,000.5.</translation>
    </message>
    <message>
        <source>%1 to %2 local, %3 to %4 UTC</source>
        <translation>%1 a %2 hora local, %3 a %4 UTC</translation>
    </message>
    <message>
        <source> (moved forward: the clock skips that local time)</source>
        <translation> (adelantado: el reloj se salta esa hora local)</translation>
    </message>
    <message>
        <source>Marathon setup</source>
        <translation>Configuración del maratón</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>Datos básicos</translation>
    </message>
    <message>
        <source>When the auctions run: one window a day, in the marathon&apos;s time zone.</source>
        <translation>Cuándo se celebran las subastas: una franja al día, en la zona horaria del maratón.</translation>
    </message>
    <message>
        <source>At or before the start: the window ends the next day.</source>
        <translation>A la hora de inicio o antes: la franja termina al día siguiente.</translation>
    </message>
    <message>
        <source>The window is split into this many consecutive auctions.</source>
        <translation>La franja se divide en este número de subastas consecutivas.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;First day:</source>
        <translation>&amp;Primer día:</translation>
    </message>
    <message>
        <source>Number of &amp;days:</source>
        <translation>Número de &amp;días:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>Daily window:</source>
        <translation>Franja diaria:</translation>
    </message>
    <message>
        <source>&amp;Lots per day:</source>
        <translation>&amp;Lotes por día:</translation>
    </message>
    <message>
        <source>Money rules</source>
        <translation>Reglas de importes</translation>
    </message>
    <message>
        <source>Amounts in ETH, exact to the gwei. A bid must beat the leader by the larger of the two minimum raises.</source>
        <translation>Importes en ETH, exactos al gwei. Una puja debe superar al líder en el mayor de los dos incrementos mínimos.</translation>
    </message>
    <message>
        <source>&amp;Reserve price (ETH):</source>
        <translation>Precio de &amp;reserva (ETH):</translation>
    </message>
    <message>
        <source>Minimum raise (&amp;percent):</source>
        <translation>Incremento mínimo (&amp;porcentaje):</translation>
    </message>
    <message>
        <source>Minimum raise (&amp;ETH):</source>
        <translation>Incremento mínimo (&amp;ETH):</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Tiempos</translation>
    </message>
    <message>
        <source>Anti-sniping: a bid accepted in the last minutes pushes the end back. Late posts are still judged during the grace period.</source>
        <translation>Antisniping: una puja aceptada en los últimos minutos retrasa el cierre. Las publicaciones tardías se siguen evaluando durante el periodo de gracia.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Cap the total extension at</source>
        <translation>Limitar la prórroga total a</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Time &amp;buffer:</source>
        <translation>&amp;Margen de tiempo:</translation>
    </message>
    <message>
        <source>Extension:</source>
        <translation>Prórroga:</translation>
    </message>
    <message>
        <source>&amp;Grace for late posts:</source>
        <translation>Periodo de &amp;gracia para publicaciones tardías:</translation>
    </message>
    <message>
        <source>Eligibility and review</source>
        <translation>Requisitos y revisión</translation>
    </message>
    <message>
        <source>Who may bid, and which bids wait for you before they count.</source>
        <translation>Quién puede pujar y qué pujas esperan tu revisión antes de contar.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>No minimum</source>
        <translation>Sin mínimo</translation>
    </message>
    <message>
        <source>Require a linked wallet</source>
        <translation>Exigir una billetera vinculada</translation>
    </message>
    <message>
        <source>Review bids above (ETH):</source>
        <translation>Revisar pujas superiores a (ETH):</translation>
    </message>
    <message>
        <source> × the leader</source>
        <translation> × el líder</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>#SothebAIs (empty: not required)</source>
        <translation>#SothebAIs (vacío: no obligatorio)</translation>
    </message>
    <message>
        <source>One handle or account id per line</source>
        <translation>Un usuario o identificador de cuenta por línea</translation>
    </message>
    <message>
        <source>Minimum account &amp;age:</source>
        <translation>&amp;Antigüedad mínima de la cuenta:</translation>
    </message>
    <message>
        <source>Review:</source>
        <translation>Revisión:</translation>
    </message>
    <message>
        <source>Review bids above:</source>
        <translation>Revisar pujas superiores a:</translation>
    </message>
    <message>
        <source>Required &amp;hashtag:</source>
        <translation>&amp;Hashtag obligatorio:</translation>
    </message>
    <message>
        <source>&amp;Blocklist:</source>
        <translation>&amp;Lista de bloqueo:</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>Lotes</translation>
    </message>
    <message>
        <source>One artwork per auction, in order: day 1 first. You may leave them all empty while drafting and add them later.</source>
        <translation>Una obra por subasta, en orden: primero el día 1. Mientras es un borrador puedes dejarlos todos vacíos y añadirlos más tarde.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Artista</translation>
    </message>
    <message>
        <source>Token id</source>
        <translation>ID del token</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Choose &amp;image…</source>
        <translation>Elegir &amp;imagen…</translation>
    </message>
    <message>
        <source>Reserve price: %1</source>
        <translation>Precio de reserva: %1</translation>
    </message>
    <message>
        <source>Minimum raise: %1</source>
        <translation>Incremento mínimo: %1</translation>
    </message>
    <message>
        <source>Review ceiling: %1</source>
        <translation>Umbral de revisión: %1</translation>
    </message>
    <message>
        <source>No lots yet: you can finish and add the %1 artworks later; until then the overlays show no titles.</source>
        <translation>Aún no hay lotes: puedes terminar y añadir las %1 obras más tarde; hasta entonces las superposiciones no muestran títulos.</translation>
    </message>
    <message>
        <source>%1 of %2 lots filled in: fill in the rest, or clear them all to keep drafting.</source>
        <translation>%1 de %2 lotes completados: completa el resto o vacíalos todos para seguir con el borrador.</translation>
    </message>
    <message>
        <source>Fix the problems below to see the schedule.</source>
        <translation>Corrige los problemas de abajo para ver el calendario.</translation>
    </message>
    <message>
        <source>First auction: %1
Last auction: %2
(%3 auctions)</source>
        <translation>Primera subasta: %1
Última subasta: %2
(%3 subastas)</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Día %1</translation>
    </message>
    <message>
        <source>Day %1, lot %2</source>
        <translation>Día %1, lote %2</translation>
    </message>
    <message>
        <source>Artwork for lot %1</source>
        <translation>Obra del lote %1</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif *.webp);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>sb::app::PreviewWidget</name>
    <message>
        <source>The program is not rendering</source>
        <translation>El programa no se está renderizando</translation>
    </message>
    <message>
        <source>The preview is off (View → Preview). Streaming and recording are not affected.</source>
        <translation>La vista previa está desactivada (Ver → Vista previa). La emisión y la grabación no se ven afectadas.</translation>
    </message>
</context>
<context>
    <name>sb::app::PropertiesDock</name>
    <message>
        <source>Properties</source>
        <translation>Propiedades</translation>
    </message>
    <message>
        <source>Select a source to edit its properties.</source>
        <translation>Selecciona una fuente para editar sus propiedades.</translation>
    </message>
    <message>
        <source>Locked: unlock the source in the Sources dock to edit it.</source>
        <translation>Bloqueada: desbloquea la fuente en el panel Fuentes para editarla.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidad</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>This kind of source (%1) has no properties to edit here.</source>
        <translation>Este tipo de fuente (%1) no tiene propiedades que editar aquí.</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Fuente tipográfica</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Tamaño de letra</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Color del texto</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Color de acento</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ancho</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Negrita</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Outline colour</source>
        <translation>Color del contorno</translation>
    </message>
    <message>
        <source>Outline width</source>
        <translation>Grosor del contorno</translation>
    </message>
    <message>
        <source>Shadow colour</source>
        <translation>Color de la sombra</translation>
    </message>
    <message>
        <source>Shadow X</source>
        <translation>Sombra X</translation>
    </message>
    <message>
        <source>Shadow Y</source>
        <translation>Sombra Y</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>Elegir una imagen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;All files (*)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose a video</source>
        <translation>Elegir un vídeo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mov *.mkv *.webm *.avi);;All files (*)</source>
        <translation>Vídeos (*.mp4 *.mov *.mkv *.webm *.avi);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Escala</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
</context>
<context>
    <name>sb::app::ScenesDock</name>
    <message>
        <source>Scenes</source>
        <translation>Escenas</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Add a scene</source>
        <translation>Añadir una escena</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Remove the selected scene</source>
        <translation>Quitar la escena seleccionada</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Rename the selected scene</source>
        <translation>Renombrar la escena seleccionada</translation>
    </message>
    <message>
        <source>Scene name:</source>
        <translation>Nombre de la escena:</translation>
    </message>
    <message>
        <source>A scene named &quot;%1&quot; already exists. Scene name:</source>
        <translation>Ya existe una escena llamada &quot;%1&quot;. Nombre de la escena:</translation>
    </message>
    <message>
        <source>Scene %1</source>
        <translation>Escena %1</translation>
    </message>
    <message>
        <source>Add scene</source>
        <translation>Añadir escena</translation>
    </message>
    <message>
        <source>Remove scene</source>
        <translation>Quitar escena</translation>
    </message>
    <message>
        <source>Remove the scene &quot;%1&quot; and its sources?</source>
        <translation>¿Quitar la escena &quot;%1&quot; y sus fuentes?</translation>
    </message>
    <message>
        <source>Rename scene</source>
        <translation>Renombrar escena</translation>
    </message>
</context>
<context>
    <name>sb::app::SettingsDialog</name>
    <message>
        <source>Automatic (hardware when available)</source>
        <translation>Automático (por hardware si está disponible)</translation>
    </message>
    <message>
        <source>x264 (software)</source>
        <translation>x264 (software)</translation>
    </message>
    <message>
        <source>NVIDIA NVENC H.264</source>
        <translation>NVIDIA NVENC H.264</translation>
    </message>
    <message>
        <source>VA-API H.264 (Intel, AMD on Linux)</source>
        <translation>VA-API H.264 (Intel, AMD en Linux)</translation>
    </message>
    <message>
        <source>Intel Quick Sync H.264</source>
        <translation>Intel Quick Sync H.264</translation>
    </message>
    <message>
        <source>Apple VideoToolbox H.264</source>
        <translation>Apple VideoToolbox H.264</translation>
    </message>
    <message>
        <source>AMD AMF H.264</source>
        <translation>AMD AMF H.264</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Saving the stream keys to the keychain…</source>
        <translation>Guardando las claves de transmisión en el llavero…</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Transmisión</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <source>Hotkeys</source>
        <translation>Atajos</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source> kbps</source>
        <translation> kbps</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Encoder:</source>
        <translation>&amp;Codificador:</translation>
    </message>
    <message>
        <source>&amp;Bitrate:</source>
        <translation>&amp;Tasa de bits:</translation>
    </message>
    <message>
        <source>&amp;Keyframe interval:</source>
        <translation>&amp;Intervalo de fotogramas clave:</translation>
    </message>
    <message>
        <source>Encoder &amp;preset:</source>
        <translation>&amp;Preajuste del codificador:</translation>
    </message>
    <message>
        <source>Faster presets use less CPU for somewhat lower quality; hardware encoders use the closest setting they have.</source>
        <translation>Los preajustes más rápidos usan menos CPU a cambio de algo menos de calidad; los codificadores por hardware usan el ajuste más parecido que tengan.</translation>
    </message>
    <message>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>&amp;Canvas size:</source>
        <translation>Tamaño del &amp;lienzo:</translation>
    </message>
    <message>
        <source>Width × height:</source>
        <translation>Ancho × alto:</translation>
    </message>
    <message>
        <source>&amp;Frames per second:</source>
        <translation>&amp;Fotogramas por segundo:</translation>
    </message>
    <message>
        <source>The canvas is what the stream and recordings show, up to 1920×1080 (or 1080×1920 upright).</source>
        <translation>El lienzo es lo que muestran la transmisión y las grabaciones, hasta 1920×1080 (o 1080×1920 en vertical).</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormato:</translation>
    </message>
    <message>
        <source>MP4 is made from an MKV when the recording stops, so a crash never loses it.</source>
        <translation>El MP4 se genera a partir de un MKV al detener la grabación, así un fallo nunca la pierde.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>A new language is used from the next start of the studio.</source>
        <translation>El nuevo idioma se usa a partir del próximo inicio del estudio.</translation>
    </message>
    <message>
        <source>Folder for Recordings</source>
        <translation>Carpeta para las grabaciones</translation>
    </message>
    <message>
        <source>X account</source>
        <translation>Cuenta de X</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Presentadora</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Shape</translation>
    </message>
</context>
<context>
    <name>sb::app::SettlementDock</name>
    <message>
        <source>Settlement</source>
        <translation>Liquidación</translation>
    </message>
    <message>
        <source>Settlement on Shape is off (Settings → Shape).</source>
        <translation>La liquidación en Shape está desactivada (Configuración → Shape).</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transacción</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Set wallet…</source>
        <translation>Definir billetera…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Skip buyer…</source>
        <translation>Saltar comprador…</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Cancelar…</translation>
    </message>
    <message>
        <source>Mark settled…</source>
        <translation>Marcar liquidada…</translation>
    </message>
    <message>
        <source>No auction is being settled on Shape.</source>
        <translation>No se está liquidando ninguna subasta en Shape.</translation>
    </message>
    <message>
        <source>%1 (turn %2)</source>
        <translation>%1 (turno %2)</translation>
    </message>
    <message>
        <source>No explorer for this chain.</source>
        <translation>No hay explorador para esta cadena.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>Set the buyer&apos;s wallet</source>
        <translation>Definir la billetera del comprador</translation>
    </message>
    <message>
        <source>The buyer&apos;s address on Shape (0x…), as they sent it:</source>
        <translation>La dirección del comprador en Shape (0x…), tal como la envió:</translation>
    </message>
    <message>
        <source>Wallet set.</source>
        <translation>Billetera definida.</translation>
    </message>
    <message>
        <source>Retrying.</source>
        <translation>Reintentando.</translation>
    </message>
    <message>
        <source>Skip this buyer</source>
        <translation>Saltar a este comprador</translation>
    </message>
    <message>
        <source>Why (kept in the audit journal)? The next highest bidder gets their turn.</source>
        <translation>¿Motivo (se guarda en el diario de auditoría)? El siguiente mejor postor obtiene su turno.</translation>
    </message>
    <message>
        <source>Skipped; the next buyer&apos;s turn.</source>
        <translation>Omitido; turno del siguiente comprador.</translation>
    </message>
    <message>
        <source>Cancel the settlement</source>
        <translation>Cancelar la liquidación</translation>
    </message>
    <message>
        <source>Why (kept in the audit journal)? Nobody else gets a turn; the lot ends unsold.</source>
        <translation>¿Motivo (se guarda en el diario de auditoría)? Nadie más obtiene turno; el lote queda sin vender.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelada.</translation>
    </message>
    <message>
        <source>Mark this auction as settled by hand (paid and delivered off chain)?</source>
        <translation>¿Marcar esta subasta como liquidada a mano (pagada y entregada fuera de la cadena)?</translation>
    </message>
    <message>
        <source>settled by hand</source>
        <translation>liquidada a mano</translation>
    </message>
    <message>
        <source>Marked settled.</source>
        <translation>Marcada como liquidada.</translation>
    </message>
</context>
<context>
    <name>sb::app::SettlementRunner</name>
    <message>
        <source>Settlement on Shape is off (Settings → Shape).</source>
        <translation>La liquidación en Shape está desactivada (Ajustes → Shape).</translation>
    </message>
    <message>
        <source>Settlement on Shape is on but not set up: it needs the RPC, the contract&apos;s address and an operator key (Settings → Shape).</source>
        <translation>La liquidación en Shape está activada pero no configurada: necesita el RPC, la dirección del contrato y una clave de operador (Ajustes → Shape).</translation>
    </message>
    <message>
        <source>Settlement on Shape waits for the operator key: it is not in the keychain (Settings → Shape, or sothebais-studio wallet import).</source>
        <translation>La liquidación en Shape espera la clave de operador: no está en el llavero (Ajustes → Shape, o sothebais-studio wallet import).</translation>
    </message>
    <message>
        <source>The keychain&apos;s operator key (%1) is not the address in the settings (%2); the keychain&apos;s is used.</source>
        <translation>La clave de operador del llavero (%1) no corresponde a la dirección de los ajustes (%2); se usa la del llavero.</translation>
    </message>
    <message>
        <source>The chain driver is stopped.</source>
        <translation>El controlador de la cadena está detenido.</translation>
    </message>
    <message>
        <source>Connecting to %1 (chain %2)…</source>
        <translation>Conectando con %1 (cadena %2)…</translation>
    </message>
    <message>
        <source>Settling on chain %1 from %2</source>
        <translation>Liquidando en la cadena %1 desde %2</translation>
    </message>
    <message>
        <source> (balance %1)</source>
        <translation> (saldo %1)</translation>
    </message>
    <message>
        <source>The operator&apos;s balance is low (%1): keep at least %3 on %2 so the next reservations can pay for their gas.</source>
        <translation>El saldo del operador es bajo (%1): mantén al menos %3 en %2 para que las próximas reservas puedan pagar su gas.</translation>
    </message>
    <message>
        <source>, block %1</source>
        <translation>, bloque %1</translation>
    </message>
    <message numerus="yes">
        <source>, watching %n transaction(s)</source>
        <translation>
            <numerusform>, vigilando %n transacción</numerusform>
            <numerusform>, vigilando %n transacciones</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: the RPC is not on chain %1. Nothing is signed or sent.</source>
        <translation>Detenido: el RPC no está en la cadena %1. No se firma ni se envía nada.</translation>
    </message>
    <message>
        <source>The RPC %1 does not answer; trying again.</source>
        <translation>El RPC %1 no responde; reintentando.</translation>
    </message>
</context>
<context>
    <name>sb::app::ShapeSettingsPage</name>
    <message>
        <source>Shape mainnet (chain 360)</source>
        <translation>Shape mainnet (cadena 360)</translation>
    </message>
    <message>
        <source>Shape Sepolia testnet (chain 11011)</source>
        <translation>Shape Sepolia testnet (cadena 11011)</translation>
    </message>
    <message>
        <source>Custom RPC</source>
        <translation>RPC personalizado</translation>
    </message>
    <message>
        <source>0x… (sothebais-studio shape deploy prints it)</source>
        <translation>0x… (lo muestra sothebais-studio shape deploy)</translation>
    </message>
    <message>
        <source>0 (the block shape deploy printed)</source>
        <translation>0 (el bloque que mostró shape deploy)</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Cadena</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Red:</translation>
    </message>
    <message>
        <source>RPC URL:</source>
        <translation>URL del RPC:</translation>
    </message>
    <message>
        <source>Chain id:</source>
        <translation>Id. de cadena:</translation>
    </message>
    <message>
        <source>Auction house contract:</source>
        <translation>Contrato de la casa de subastas:</translation>
    </message>
    <message>
        <source>Deployed in block:</source>
        <translation>Desplegado en el bloque:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Generate new key</source>
        <translation>Generar clave nueva</translation>
    </message>
    <message>
        <source>Import key…</source>
        <translation>Importar clave…</translation>
    </message>
    <message>
        <source>Check balance</source>
        <translation>Consultar saldo</translation>
    </message>
    <message>
        <source>Operator key</source>
        <translation>Clave de operador</translation>
    </message>
    <message>
        <source>The studio&apos;s hot key: it reserves, reassigns and cancels, and pays their gas. It is kept only in the system keychain; keep little ETH on it. The proceeds go to the contract&apos;s owner (the treasury), never to this key.</source>
        <translation>La clave caliente del estudio: reserva, reasigna y cancela, y paga el gas de esas operaciones. Solo se guarda en el llavero del sistema; mantén poco ETH en ella. Los ingresos van al propietario del contrato (la tesorería), nunca a esta clave.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Saldo:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Settle each winner on Shape (reserve, payment, mint)</source>
        <translation>Liquidar cada ganador en Shape (reserva, pago, acuñación)</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Liquidación</translation>
    </message>
    <message>
        <source>Time to pay:</source>
        <translation>Plazo de pago:</translation>
    </message>
    <message>
        <source>Fee cap (gwei per gas):</source>
        <translation>Tarifa máxima (gwei por gas):</translation>
    </message>
    <message>
        <source>Import operator key</source>
        <translation>Importar clave de operador</translation>
    </message>
    <message>
        <source>Private key (64 hex digits, with or without 0x). It goes to the keychain only.</source>
        <translation>Clave privada (64 dígitos hexadecimales, con o sin 0x). Solo se guarda en el llavero.</translation>
    </message>
    <message>
        <source>No operator key yet: generate one or import one.</source>
        <translation>Aún no hay clave de operador: genera una o importa una.</translation>
    </message>
    <message>
        <source>The key is in the keychain.</source>
        <translation>La clave está en el llavero.</translation>
    </message>
    <message>
        <source>http://127.0.0.1:8545</source>
        <translation>http://127.0.0.1:8545</translation>
    </message>
    <message>
        <source>Not deployed yet: sothebais-studio shape deploy.</source>
        <translation>Aún no desplegado: sothebais-studio shape deploy.</translation>
    </message>
    <message>
        <source>Checksum OK.</source>
        <translation>Suma de verificación correcta.</translation>
    </message>
    <message>
        <source>The chain id is a whole number.</source>
        <translation>El id. de cadena es un número entero.</translation>
    </message>
    <message>
        <source>The deployment block is a whole number.</source>
        <translation>El bloque de despliegue es un número entero.</translation>
    </message>
    <message>
        <source>Settlement needs the contract&apos;s address and an operator key.</source>
        <translation>La liquidación necesita la dirección del contrato y una clave de operador.</translation>
    </message>
    <message>
        <source>Writing to the keychain…</source>
        <translation>Escribiendo en el llavero…</translation>
    </message>
    <message>
        <source>An operator key is already in the keychain. Replace it? The old key, and whatever its address holds, is lost unless you kept a copy.</source>
        <translation>Ya hay una clave de operador en el llavero. ¿Reemplazarla? La clave anterior, y todo lo que tenga su dirección, se pierde a menos que hayas guardado una copia.</translation>
    </message>
    <message>
        <source>Kept the key that was there.</source>
        <translation>Se conservó la clave que había.</translation>
    </message>
    <message>
        <source>A new key was made and put in the keychain. Send its address a little ETH for gas.</source>
        <translation>Se creó una clave nueva y se guardó en el llavero. Envía a su dirección un poco de ETH para el gas.</translation>
    </message>
    <message>
        <source>The key was imported into the keychain.</source>
        <translation>La clave se importó al llavero.</translation>
    </message>
    <message>
        <source>no RPC to ask</source>
        <translation>no hay RPC al que consultar</translation>
    </message>
    <message>
        <source>asking %1…</source>
        <translation>consultando %1…</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>desconocido (%1)</translation>
    </message>
</context>
<context>
    <name>sb::app::SourcesDock</name>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Imagen…</translation>
    </message>
    <message>
        <source>Video…</source>
        <translation>Vídeo…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add a source on top of the scene</source>
        <translation>Añade una fuente encima de la escena</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected source</source>
        <translation>Quita la fuente seleccionada</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move the selected source up (in front)</source>
        <translation>Sube la fuente seleccionada (delante)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move the selected source down (behind)</source>
        <translation>Baja la fuente seleccionada (detrás)</translation>
    </message>
    <message>
        <source>Shown; untick to hide</source>
        <translation>Visible; desmarca para ocultarla</translation>
    </message>
    <message>
        <source>Hidden; tick to show</source>
        <translation>Oculta; marca para mostrarla</translation>
    </message>
    <message>
        <source>Locked: cannot be moved or edited</source>
        <translation>Bloqueada: no se puede mover ni editar</translation>
    </message>
    <message>
        <source>Tick to lock</source>
        <translation>Marca para bloquearla</translation>
    </message>
    <message>
        <source>Add image</source>
        <translation>Añadir imagen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;All files (*)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Add video</source>
        <translation>Añadir vídeo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mov *.mkv *.webm *.avi);;All files (*)</source>
        <translation>Vídeos (*.mp4 *.mov *.mkv *.webm *.avi);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>Quitar fuente</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the scene &quot;%2&quot;?</source>
        <translation>¿Quitar &quot;%1&quot; de la escena &quot;%2&quot;?</translation>
    </message>
</context>
<context>
    <name>sb::app::StatsDock</name>
    <message>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconectando</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>FPS:</source>
        <translation>FPS:</translation>
    </message>
    <message>
        <source>Average time to render a frame:</source>
        <translation>Tiempo medio de renderizado por fotograma:</translation>
    </message>
    <message>
        <source>Frames missed due to rendering lag:</source>
        <translation>Fotogramas perdidos por retraso de renderizado:</translation>
    </message>
    <message>
        <source>Frames skipped due to encoding lag:</source>
        <translation>Fotogramas omitidos por retraso de codificación:</translation>
    </message>
    <message>
        <source>CPU usage:</source>
        <translation>Uso de CPU:</translation>
    </message>
    <message>
        <source>Memory usage:</source>
        <translation>Uso de memoria:</translation>
    </message>
    <message>
        <source>Video encoder:</source>
        <translation>Codificador de vídeo:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>Tasa de bits</translation>
    </message>
    <message>
        <source>Data sent</source>
        <translation>Datos enviados</translation>
    </message>
    <message>
        <source>Dropped frames</source>
        <translation>Fotogramas descartados</translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation>Reconexiones</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 / %2 (%3 %)</source>
        <translation>%1 / %2 (%3 %)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>idle (not streaming or recording)</source>
        <translation>inactivo (sin transmitir ni grabar)</translation>
    </message>
    <message>
        <source>%1 kb/s</source>
        <translation>%1 kb/s</translation>
    </message>
    <message>
        <source>silence</source>
        <translation>silencio</translation>
    </message>
    <message>
        <source>%1 LUFS, peak %2 dBFS</source>
        <translation>%1 LUFS, pico %2 dBFS</translation>
    </message>
    <message>
        <source>Program audio (momentary):</source>
        <translation>Audio de programa (momentáneo):</translation>
    </message>
</context>
<context>
    <name>sb::app::StreamSettingsPage</name>
    <message>
        <source>No Keychain</source>
        <translation>Sin llavero</translation>
    </message>
    <message>
        <source>Where the stream is sent. Only enabled destinations are used; stream keys are kept in the system keychain.</source>
        <translation>Adónde se envía la transmisión. Solo se usan los destinos activados; las claves de transmisión se guardan en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL del servidor</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Stream key</source>
        <translation>Clave de transmisión</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>•••••• (saved on Apply)</source>
        <translation>•••••• (se guarda al aplicar)</translation>
    </message>
    <message>
        <source>not set (on Apply)</source>
        <translation>sin definir (al aplicar)</translation>
    </message>
    <message>
        <source>••••••</source>
        <translation>••••••</translation>
    </message>
    <message>
        <source>•••••• (this session only)</source>
        <translation>•••••• (solo esta sesión)</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>no se puede leer</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>comprobando…</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>No keychain service is available: %1 Stream keys are kept for this session only.</source>
        <translation>No hay ningún servicio de llavero disponible: %1 Las claves de transmisión se guardan solo durante esta sesión.</translation>
    </message>
    <message>
        <source>No keychain service is available: %1 When you enter a stream key you will be asked whether to keep it for this session only.</source>
        <translation>No hay ningún servicio de llavero disponible: %1 Cuando escribas una clave de transmisión se te preguntará si quieres guardarla solo durante esta sesión.</translation>
    </message>
    <message>
        <source>The stream key of “%1” was not kept; edit the destination to enter it again.</source>
        <translation>La clave de transmisión de “%1” no se guardó; edita el destino para volver a escribirla.</translation>
    </message>
    <message>
        <source>Destination “%1”: %2</source>
        <translation>Destino “%1”: %2</translation>
    </message>
    <message>
        <source>The destination “%1” was not added: %2</source>
        <translation>El destino “%1” no se añadió: %2</translation>
    </message>
    <message>
        <source>The destination “%1” was not changed: %2</source>
        <translation>El destino “%1” no se modificó: %2</translation>
    </message>
    <message>
        <source>The stream key of “%1” could not be forgotten: %2</source>
        <translation>No se pudo olvidar la clave de transmisión de “%1”: %2</translation>
    </message>
    <message>
        <source>No keychain service is available: %1

Keep the stream key of “%2” for this session only? It stays in memory until the studio quits and is never written to a file; you will have to enter it again after a restart.

If you answer No, the key is not kept at all.</source>
        <translation>No hay ningún servicio de llavero disponible: %1

¿Guardar la clave de transmisión de “%2” solo durante esta sesión? Se queda en memoria hasta que se cierre el estudio y nunca se escribe en un archivo; tendrás que volver a escribirla tras reiniciar.

Si respondes No, la clave no se guarda en absoluto.</translation>
    </message>
    <message>
        <source>The stream key of “%1” was not saved: %2</source>
        <translation>La clave de transmisión de “%1” no se guardó: %2</translation>
    </message>
</context>
<context>
    <name>sb::app::XDock</name>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Sign in with X</source>
        <translation>Iniciar sesión con X</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>the OAuth 2.0 client id of your X app</source>
        <translation>el ID de cliente OAuth 2.0 de tu app de X</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <source>https://x.com/you/status/… — replies to it are bids</source>
        <translation>https://x.com/you/status/… — sus respuestas son pujas</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>Auction&apos;s post</source>
        <translation>Publicación de la subasta</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last poll</source>
        <translation>Última consulta</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Restantes</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reinicio</translation>
    </message>
    <message>
        <source>Read up to</source>
        <translation>Leído hasta</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publicaciones</translation>
    </message>
    <message>
        <source>Allow SothebAIs Studio in the browser that opened. If none did, open: %1</source>
        <translation>Autoriza a SothebAIs Studio en el navegador que se abrió. Si no se abrió ninguno, abre: %1</translation>
    </message>
    <message>
        <source>Paste the post&apos;s address (…/status/123…) or its id.</source>
        <translation>Pega la dirección de la publicación (…/status/123…) o su id.</translation>
    </message>
    <message>
        <source>Replies to post %1 are this auction&apos;s bids.</source>
        <translation>Las respuestas a la publicación %1 son las pujas de esta subasta.</translation>
    </message>
    <message>
        <source>X is not connected.</source>
        <translation>X no está conectado.</translation>
    </message>
    <message>
        <source>Signed in as @%1 (account %2)</source>
        <translation>Sesión iniciada como @%1 (cuenta %2)</translation>
    </message>
    <message>
        <source>Waiting for X…</source>
        <translation>Esperando a X…</translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation>Leyendo el llavero…</translation>
    </message>
    <message>
        <source>Not signed in: no bids are read from X.</source>
        <translation>Sin sesión iniciada: no se leen pujas de X.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Menciones</translation>
    </message>
    <message>
        <source>Posts on X</source>
        <translation>Publicaciones en X</translation>
    </message>
    <message>
        <source>Filtered stream</source>
        <translation>Flujo filtrado</translation>
    </message>
    <message>
        <source>This month&apos;s reads from X are counted while signed in.</source>
        <translation>Las lecturas de X de este mes se cuentan mientras hay una sesión iniciada.</translation>
    </message>
</context>
<context>
    <name>sb::app::XOutboxView</name>
    <message>
        <source>Post</source>
        <translation>Publicación</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Link or reason</source>
        <translation>Enlace o motivo</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <source>Posting to X is off or not signed in: posts wait in the outbox.</source>
        <translation>Publicar en X está desactivado o no hay sesión iniciada: las publicaciones esperan en la bandeja de salida.</translation>
    </message>
    <message>
        <source>Sent %1 (about %2), folded into summaries %3.</source>
        <translation>Enviadas: %1 (aprox. %2); agrupadas en resúmenes: %3.</translation>
    </message>
    <message>
        <source>X allows %1 more posts until %2.</source>
        <translation>X permite %1 publicaciones más hasta las %2.</translation>
    </message>
    <message>
        <source>in summary #%1</source>
        <translation>en el resumen #%1</translation>
    </message>
</context>
<context>
    <name>sb::app::XSettingsPage</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>e.g. 0.005</source>
        <translation>p. ej. 0.005</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Reading replies</source>
        <translation>Lectura de respuestas</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Costes</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publicaciones</translation>
    </message>
    <message>
        <source>From the X developer portal (a Native App)</source>
        <translation>Del portal para desarrolladores de X (una Native App)</translation>
    </message>
    <message>
        <source>X is not connected.</source>
        <translation>X no está conectado.</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Cuenta:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>ID de &amp;cliente:</translation>
    </message>
    <message>
        <source>Callback &amp;port:</source>
        <translation>&amp;Puerto de retorno:</translation>
    </message>
    <message>
        <source>Register http://127.0.0.1:&lt;port&gt;/callback as the app&apos;s callback URL on X, with this port.</source>
        <translation>Registra http://127.0.0.1:&lt;puerto&gt;/callback como URL de retorno de la app en X, con este puerto.</translation>
    </message>
    <message>
        <source>API &amp;base URL:</source>
        <translation>URL &amp;base de la API:</translation>
    </message>
    <message>
        <source>Sign in and out of X in the X dock; the account&apos;s tokens stay in the system keychain. Applying this page reconnects to X with it.</source>
        <translation>Inicia y cierra sesión en X en el panel de X; los tokens de la cuenta se quedan en el llavero del sistema. Al aplicar esta página, el estudio se vuelve a conectar a X con ella.</translation>
    </message>
    <message>
        <source>&amp;Mentions of the account</source>
        <translation>&amp;Menciones de la cuenta</translation>
    </message>
    <message>
        <source>Recent &amp;search of the auction&apos;s thread</source>
        <translation>&amp;Búsqueda reciente en el hilo de la subasta</translation>
    </message>
    <message>
        <source>&amp;Filtered stream (where the account&apos;s access has it)</source>
        <translation>&amp;Flujo filtrado (si el acceso de la cuenta lo incluye)</translation>
    </message>
    <message>
        <source>Read the replies from</source>
        <translation>Leer las respuestas mediante</translation>
    </message>
    <message>
        <source>Look for new replies every</source>
        <translation>Buscar respuestas nuevas cada</translation>
    </message>
    <message>
        <source>Between auctions:</source>
        <translation>Entre subastas:</translation>
    </message>
    <message>
        <source>While an auction is open:</source>
        <translation>Con una subasta abierta:</translation>
    </message>
    <message>
        <source>In its last minutes:</source>
        <translation>En sus últimos minutos:</translation>
    </message>
    <message>
        <source>After the close (late bids):</source>
        <translation>Tras el cierre (pujas tardías):</translation>
    </message>
    <message>
        <source>Each look is a request that X counts against its rate limits and, on pay-per-use, bills.</source>
        <translation>Cada consulta es una petición que X cuenta en sus límites de peticiones y, con pago por uso, cobra.</translation>
    </message>
    <message>
        <source>e.g. 50.00</source>
        <translation>p. ej. 50.00</translation>
    </message>
    <message>
        <source>Each post read (US$):</source>
        <translation>Cada publicación leída (US$):</translation>
    </message>
    <message>
        <source>Each read of the account&apos;s own mentions (US$):</source>
        <translation>Cada lectura de las menciones de la propia cuenta (US$):</translation>
    </message>
    <message>
        <source>Each post made (US$):</source>
        <translation>Cada publicación creada (US$):</translation>
    </message>
    <message>
        <source>Month&apos;s budget for reads (US$):</source>
        <translation>Presupuesto mensual de lecturas (US$):</translation>
    </message>
    <message>
        <source>X&apos;s pay-per-use prices, as your developer account shows them. Nearing the budget slows reading, and the X dock says so.</source>
        <translation>Los precios de pago por uso de X, tal como los muestra tu cuenta de desarrollador. Al acercarse al presupuesto, la lectura se ralentiza y el panel de X lo indica.</translation>
    </message>
    <message>
        <source>&amp;Post on X: the auction&apos;s post, replies to bids, the thread</source>
        <translation>&amp;Publicar en X: la publicación de la subasta, las respuestas a las pujas, el hilo</translation>
    </message>
    <message>
        <source>Allow &amp;URLs in posts (a post with a URL costs far more)</source>
        <translation>Permitir &amp;URL en las publicaciones (una publicación con URL cuesta mucho más)</translation>
    </message>
    <message>
        <source>Double-click a variable to put it in the text.</source>
        <translation>Haz doble clic en una variable para insertarla en el texto.</translation>
    </message>
    <message>
        <source>&amp;Restore default</source>
        <translation>&amp;Restablecer predeterminado</translation>
    </message>
    <message>
        <source>Variables:</source>
        <translation>Variables:</translation>
    </message>
    <message>
        <source>A bidder is named only by their X username; values never carry a bidder&apos;s own words, URLs (unless allowed) or another account&apos;s name. A post longer than 280 is cut and ends in “…”.</source>
        <translation>A un postor solo se le nombra por su nombre de usuario de X; los valores nunca incluyen palabras del propio postor, URL (salvo que se permitan) ni el nombre de otra cuenta. Una publicación de más de 280 se corta y termina en “…”.</translation>
    </message>
    <message>
        <source>Weighted length: %1 / %2 (variables at typical lengths)</source>
        <translation>Longitud ponderada: %1 / %2 (variables con longitudes típicas)</translation>
    </message>
    <message>
        <source>X: the API base URL must be an http or https URL.</source>
        <translation>X: la URL base de la API debe ser una URL http o https.</translation>
    </message>
    <message>
        <source>the price of a post read</source>
        <translation>el precio de una publicación leída</translation>
    </message>
    <message>
        <source>the price of reading the account&apos;s mentions</source>
        <translation>el precio de leer las menciones de la cuenta</translation>
    </message>
    <message>
        <source>the price of a post</source>
        <translation>el precio de una publicación</translation>
    </message>
    <message>
        <source>the month&apos;s budget</source>
        <translation>el presupuesto del mes</translation>
    </message>
    <message>
        <source>X: %1 is not an amount in dollars (such as 0.005, with a point, at most six decimals).</source>
        <translation>X: %1 no es un importe en dólares (como 0.005, con punto y seis decimales como máximo).</translation>
    </message>
    <message>
        <source>X post “%1”: %2</source>
        <translation>Publicación de X “%1”: %2</translation>
    </message>
</context>
<context>
    <name>sb::auction::AuctionEngine</name>
    <message>
        <source>This database already holds a marathon; open it instead or choose a new database file.</source>
        <translation>Esta base de datos ya contiene un maratón; ábrela en su lugar o elige un archivo de base de datos nuevo.</translation>
    </message>
    <message>
        <source>This database holds no marathon yet.</source>
        <translation>Esta base de datos aún no contiene ningún maratón.</translation>
    </message>
    <message>
        <source>No marathon is loaded.</source>
        <translation>No hay ningún maratón cargado.</translation>
    </message>
    <message>
        <source>The bid could not be stored: %1</source>
        <translation>No se pudo guardar la puja: %1</translation>
    </message>
    <message>
        <source>The auction for day %1 opens at %2 UTC.</source>
        <translation>La subasta del día %1 abre a las %2 UTC.</translation>
    </message>
    <message>
        <source>The auction for day %1 closed at %2 UTC.</source>
        <translation>La subasta del día %1 cerró a las %2 UTC.</translation>
    </message>
    <message>
        <source>Only a running auction can be paused.</source>
        <translation>Solo se puede pausar una subasta en curso.</translation>
    </message>
    <message>
        <source>Only a paused auction can be resumed.</source>
        <translation>Solo se puede reanudar una subasta en pausa.</translation>
    </message>
    <message>
        <source>Only an auction that is taking bids can be extended.</source>
        <translation>Solo se puede prolongar una subasta que está aceptando pujas.</translation>
    </message>
    <message>
        <source>An extension must be between 1 minute and 24 hours.</source>
        <translation>Una prórroga debe durar entre 1 minuto y 24 horas.</translation>
    </message>
    <message>
        <source>Only a running or paused auction can be closed.</source>
        <translation>Solo se puede cerrar una subasta en curso o en pausa.</translation>
    </message>
    <message>
        <source>This auction has already ended.</source>
        <translation>Esta subasta ya ha terminado.</translation>
    </message>
    <message>
        <source>Say why the auction is cancelled.</source>
        <translation>Indica por qué se cancela la subasta.</translation>
    </message>
    <message>
        <source>Only an accepted bid can be invalidated.</source>
        <translation>Solo se puede invalidar una puja aceptada.</translation>
    </message>
    <message>
        <source>The auction of this bid has ended; its bids are final.</source>
        <translation>La subasta de esta puja ha terminado; sus pujas son definitivas.</translation>
    </message>
    <message>
        <source>Say why the bid is invalidated.</source>
        <translation>Indica por qué se invalida la puja.</translation>
    </message>
    <message>
        <source>Only a bid waiting for review can be approved.</source>
        <translation>Solo se puede aprobar una puja pendiente de revisión.</translation>
    </message>
    <message>
        <source>The bid belongs to no auction.</source>
        <translation>La puja no pertenece a ninguna subasta.</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>aprobada por %1</translation>
    </message>
    <message>
        <source>Only a bid waiting for review can be rejected.</source>
        <translation>Solo se puede rechazar una puja pendiente de revisión.</translation>
    </message>
    <message>
        <source>Say why the bid is rejected.</source>
        <translation>Indica por qué se rechaza la puja.</translation>
    </message>
    <message>
        <source>Only an auction with a declared winner can be settled.</source>
        <translation>Solo se puede liquidar una subasta con un ganador declarado.</translation>
    </message>
    <message>
        <source>There is no such auction.</source>
        <translation>No existe esa subasta.</translation>
    </message>
    <message>
        <source>Judging stopped: the marathon database could not be read (%1). Nothing was decided; restore the database from a backup.</source>
        <translation>Se detuvo la evaluación: no se pudo leer la base de datos del maratón (%1). No se decidió nada; restaure la base de datos desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>A wallet link needs a bidder and an address.</source>
        <translation>Un vínculo de billetera necesita un postor y una dirección.</translation>
    </message>
    <message>
        <source>Only a post that failed can be tried again.</source>
        <translation>Solo se puede reintentar una publicación que falló.</translation>
    </message>
    <message>
        <source>Only a queued or failed post can be skipped.</source>
        <translation>Solo se puede omitir una publicación en cola o fallida.</translation>
    </message>
    <message>
        <source>The operator gave the auction&apos;s post.</source>
        <translation>El operador indicó la publicación de la subasta.</translation>
    </message>
    <message>
        <source>The settlement options in the database cannot be read: %1</source>
        <translation>No se pueden leer las opciones de liquidación de la base de datos: %1</translation>
    </message>
    <message>
        <source>A buyer&apos;s time to pay must be between 1 minute and 30 days.</source>
        <translation>El plazo de pago de un comprador debe estar entre 1 minuto y 30 días.</translation>
    </message>
    <message>
        <source>The contract address is not valid: %1</source>
        <translation>La dirección del contrato no es válida: %1</translation>
    </message>
    <message>
        <source>Lot %1 has no token URI (token_uri), which the contract needs to reserve it: settle it by hand, or cancel the settlement.</source>
        <translation>El lote %1 no tiene URI de token (token_uri), que el contrato necesita para reservarlo: liquídalo a mano o cancela la liquidación.</translation>
    </message>
    <message>
        <source>no wallet was linked before the deadline</source>
        <translation>no se vinculó ninguna billetera antes del plazo</translation>
    </message>
    <message>
        <source>the reservation was not claimed before the deadline</source>
        <translation>la reserva no se reclamó antes del plazo</translation>
    </message>
    <message>
        <source>Unsold: %1</source>
        <translation>Sin vender: %1</translation>
    </message>
    <message>
        <source>the buyer&apos;s bid was invalidated: %1</source>
        <translation>la puja del comprador se invalidó: %1</translation>
    </message>
    <message>
        <source>Settled by hand.</source>
        <translation>Liquidado a mano.</translation>
    </message>
    <message>
        <source>Settled by hand: %1</source>
        <translation>Liquidado a mano: %1</translation>
    </message>
    <message>
        <source>Auction %1 has no settlement.</source>
        <translation>La subasta %1 no tiene liquidación.</translation>
    </message>
    <message>
        <source>That wallet address is not valid: %1</source>
        <translation>Esa dirección de billetera no es válida: %1</translation>
    </message>
    <message>
        <source>The buyer&apos;s wallet can only change before their reservation is signed.</source>
        <translation>La billetera del comprador solo puede cambiar antes de que se firme su reserva.</translation>
    </message>
    <message>
        <source>Only a failed settlement can be tried again.</source>
        <translation>Solo se puede reintentar una liquidación fallida.</translation>
    </message>
    <message>
        <source>Say why the buyer is skipped.</source>
        <translation>Indica por qué se omite al comprador.</translation>
    </message>
    <message>
        <source>This settlement has no buyer left to skip.</source>
        <translation>Esta liquidación no tiene más compradores que omitir.</translation>
    </message>
    <message>
        <source>Say why the settlement is cancelled.</source>
        <translation>Indica por qué se cancela la liquidación.</translation>
    </message>
    <message>
        <source>This settlement is paid, over, or being cancelled.</source>
        <translation>Esta liquidación está pagada, terminada o en proceso de cancelación.</translation>
    </message>
    <message>
        <source>A transaction is stored signed, with its 32-byte hash.</source>
        <translation>Una transacción se guarda firmada, con su hash de 32 bytes.</translation>
    </message>
    <message>
        <source>The transaction is for chain %1, the settlement for %2.</source>
        <translation>La transacción es para la cadena %1; la liquidación, para la %2.</translation>
    </message>
    <message>
        <source>The transaction goes to %1, not to the auction house %2.</source>
        <translation>La transacción va a %1, no a la casa de subastas %2.</translation>
    </message>
    <message>
        <source>A fee bump replaces a stored transaction of the same step, turn and nonce.</source>
        <translation>Un aumento de tarifa reemplaza una transacción guardada del mismo paso, turno y nonce.</translation>
    </message>
    <message>
        <source>Only a transaction still waiting to be mined can be replaced (this one is %1).</source>
        <translation>Solo se puede reemplazar una transacción que aún espera ser minada (esta está %1).</translation>
    </message>
    <message>
        <source>%1 for turn %2 already has a transaction (%3, %4): send it again, or replace it with a fee bump.</source>
        <translation>%1 para el turno %2 ya tiene una transacción (%3, %4): vuelve a enviarla o reemplázala con un aumento de tarifa.</translation>
    </message>
    <message>
        <source>The settlement of auction %1 is %2: no transaction is due.</source>
        <translation>La liquidación de la subasta %1 está %2: no hay ninguna transacción pendiente.</translation>
    </message>
    <message>
        <source>Lot %1 has no token URI: the contract refuses its reservation.</source>
        <translation>El lote %1 no tiene URI de token: el contrato rechaza su reserva.</translation>
    </message>
    <message>
        <source>The transaction due is %1 for turn %2, not %3 for turn %4.</source>
        <translation>La transacción pendiente es %1 para el turno %2, no %3 para el turno %4.</translation>
    </message>
    <message>
        <source>No stored transaction %1 for auction %2.</source>
        <translation>No hay ninguna transacción %1 guardada para la subasta %2.</translation>
    </message>
    <message>
        <source>nobody paid; the reservation was cancelled</source>
        <translation>nadie pagó; la reserva se canceló</translation>
    </message>
    <message>
        <source>The %1 transaction was %2.</source>
        <translation>La transacción %1 quedó %2.</translation>
    </message>
    <message>
        <source>Auction %1 was already paid by another transaction (%2).</source>
        <translation>La subasta %1 ya se pagó con otra transacción (%2).</translation>
    </message>
    <message>
        <source>Auction %1 completed unsold, yet the chain shows a claim (%2): settle it by hand.</source>
        <translation>La subasta %1 terminó sin venderse, pero la cadena muestra un reclamo (%2): liquídala a mano.</translation>
    </message>
    <message>
        <source>Only a paid settlement can have its mint confirmed.</source>
        <translation>Solo se puede confirmar la acuñación de una liquidación pagada.</translation>
    </message>
    <message>
        <source>Token #%1 minted to %2 (claim %3)</source>
        <translation>Token n.º %1 acuñado para %2 (reclamo %3)</translation>
    </message>
    <message>
        <source>Only a paid settlement can lose its claim (this one is %1).</source>
        <translation>Solo una liquidación pagada puede perder su reclamo (esta está %1).</translation>
    </message>
    <message>
        <source>This settlement is over.</source>
        <translation>Esta liquidación ha terminado.</translation>
    </message>
</context>
<context>
    <name>sb::auction::EngineThread</name>
    <message>
        <source>The marathon is already open.</source>
        <translation>El maratón ya está abierto.</translation>
    </message>
</context>
<context>
    <name>sb::auction::EventDispatcher</name>
    <message>
        <source>There is no dead letter %1.</source>
        <translation>No existe el mensaje fallido %1.</translation>
    </message>
    <message>
        <source>%1 is not connected; re-drive it once it is.</source>
        <translation>%1 no está conectado; reenvíalo cuando lo esté.</translation>
    </message>
    <message>
        <source>Event %1 is missing from the journal.</source>
        <translation>Falta el evento %1 en el registro de eventos.</translation>
    </message>
    <message>
        <source>Delivery failed again: %1</source>
        <translation>La entrega volvió a fallar: %1</translation>
    </message>
</context>
<context>
    <name>sb::integrations::SecretStore</name>
    <message>
        <source>The keychain did not answer in time (%1 s). It may be locked and waiting for you to unlock it.</source>
        <translation>El llavero del sistema no respondió a tiempo (%1 s). Puede que esté bloqueado y a la espera de que lo desbloquees.</translation>
    </message>
    <message>
        <source>Access to the keychain was refused.</source>
        <translation>Se denegó el acceso al llavero del sistema.</translation>
    </message>
    <message>
        <source>The keychain call was abandoned.</source>
        <translation>Se abandonó la llamada al llavero del sistema.</translation>
    </message>
    <message>
        <source>The keychain refused access; it may be locked.</source>
        <translation>El llavero del sistema denegó el acceso; puede que esté bloqueado.</translation>
    </message>
    <message>
        <source>The keychain could not store the secret (is the default keyring created and unlocked?): %1</source>
        <translation>El llavero del sistema no pudo guardar el secreto (¿está creado y desbloqueado el llavero predeterminado?): %1</translation>
    </message>
    <message>
        <source>The keychain could not delete the secret: %1</source>
        <translation>El llavero del sistema no pudo eliminar el secreto: %1</translation>
    </message>
    <message>
        <source>The keychain could not read the secret: %1</source>
        <translation>El llavero del sistema no pudo leer el secreto: %1</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service over D-Bus). Secrets (stream keys, the X sign-in, the operator key) cannot be kept securely.</source>
        <translation>No hay ningún servicio de llavero en ejecución (Secret Service sobre D-Bus). Los secretos (claves de transmisión, el inicio de sesión en X, la clave del operador) no se pueden guardar de forma segura.</translation>
    </message>
    <message>
        <source>The system keychain cannot be reached. Secrets (stream keys, the X sign-in, the operator key) cannot be kept securely.</source>
        <translation>No se puede acceder al llavero del sistema. Los secretos (claves de transmisión, el inicio de sesión en X, la clave del operador) no se pueden guardar de forma segura.</translation>
    </message>
</context>
<context>
    <name>sb::integrations::vtubestudio::VtsBridge</name>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Reading the VTube Studio plugin token</source>
        <translation>Leyendo el token del plugin de VTube Studio</translation>
    </message>
    <message>
        <source>Connecting to VTube Studio at %1</source>
        <translation>Conectando con VTube Studio en %1</translation>
    </message>
    <message>
        <source>Waiting for approval in VTube Studio: allow the plugin “%1” there</source>
        <translation>Esperando la aprobación en VTube Studio: permite allí el plugin «%1»</translation>
    </message>
    <message>
        <source>Signing in to VTube Studio</source>
        <translation>Iniciando sesión en VTube Studio</translation>
    </message>
    <message>
        <source>VTube Studio denied the plugin access; asking again in %1 s</source>
        <translation>VTube Studio denegó el acceso al plugin; se volverá a pedir en %1 s</translation>
    </message>
    <message>
        <source>Connected as plugin “%1”</source>
        <translation>Conectado como plugin «%1»</translation>
    </message>
    <message>
        <source>VTube Studio did not accept the plugin token; retrying in %1 s</source>
        <translation>VTube Studio no aceptó el token del plugin; se reintenta en %1 s</translation>
    </message>
    <message>
        <source>Lost the connection to VTube Studio; retrying in %1 s</source>
        <translation>Se perdió la conexión con VTube Studio; se reintenta en %1 s</translation>
    </message>
    <message>
        <source>VTube Studio not running; retrying in %1 s</source>
        <translation>VTube Studio no está en marcha; se reintenta en %1 s</translation>
    </message>
</context>
<context>
    <name>sb::integrations::x::XAuth</name>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>No se pudo leer el llavero: %1</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1 for X&apos;s answer: %2</source>
        <translation>No se puede escuchar en 127.0.0.1:%1 para recibir la respuesta de X: %2</translation>
    </message>
    <message>
        <source>No sign-in is in progress: start it again.</source>
        <translation>No hay ningún inicio de sesión en curso: vuelve a empezarlo.</translation>
    </message>
    <message>
        <source>X did not sign you in: %1</source>
        <translation>X no inició tu sesión: %1</translation>
    </message>
    <message>
        <source>The answer from X does not belong to this sign-in (its state differs). Try again.</source>
        <translation>La respuesta de X no corresponde a este inicio de sesión (su state es distinto). Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The answer from X carries no code. Try again.</source>
        <translation>La respuesta de X no trae ningún código. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>X answered %1</source>
        <translation>X respondió %1</translation>
    </message>
    <message>
        <source>X refused the sign-in: %1</source>
        <translation>X rechazó el inicio de sesión: %1</translation>
    </message>
    <message>
        <source>Signed in, but X did not say which account: %1</source>
        <translation>Sesión iniciada, pero X no indicó qué cuenta: %1</translation>
    </message>
    <message>
        <source>no id in the answer</source>
        <translation>la respuesta no trae ningún id</translation>
    </message>
    <message>
        <source>Signed in, but the keychain did not keep the token, so the studio will not store it anywhere else. Unlock the keychain and sign in again.</source>
        <translation>Sesión iniciada, pero el llavero no guardó el token, y el estudio no lo guardará en ningún otro sitio. Desbloquea el llavero y vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>X no longer accepts the studio&apos;s sign-in (%1). Sign in to X again in the X dock, or with sothebais-studio x login.</source>
        <translation>X ya no acepta la sesión del estudio (%1). Vuelve a iniciar sesión en X en el panel de X o con sothebais-studio x login.</translation>
    </message>
    <message>
        <source>Set the X app&apos;s client id (in the X dock, or x login --client-id) before signing in.</source>
        <translation>Configura el ID de cliente de la app de X (en el panel de X o con x login --client-id) antes de iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>sb::integrations::x::XIntake</name>
    <message>
        <source>not started</source>
        <translation>sin iniciar</translation>
    </message>
    <message>
        <source>turned off in Settings</source>
        <translation>desactivado en Configuración</translation>
    </message>
    <message>
        <source>off: the signed-in account is not known</source>
        <translation>desactivado: no se conoce la cuenta con sesión iniciada</translation>
    </message>
    <message>
        <source>signed out of X: nothing is read</source>
        <translation>sin sesión en X: no se lee nada</translation>
    </message>
    <message>
        <source>the auction has no post on X yet</source>
        <translation>la subasta aún no tiene publicación en X</translation>
    </message>
    <message>
        <source>X refused the access token: sign in to X again (%1)</source>
        <translation>X rechazó el token de acceso: vuelve a iniciar sesión en X (%1)</translation>
    </message>
    <message>
        <source>off: this account&apos;s access does not include it (%1)</source>
        <translation>desactivado: el acceso de esta cuenta no lo incluye (%1)</translation>
    </message>
    <message>
        <source>%1 is not used: %2</source>
        <translation>%1 no se usa: %2</translation>
    </message>
    <message>
        <source>reading: page %1</source>
        <translation>leyendo: página %1</translation>
    </message>
    <message>
        <source>the bids were not stored: %1</source>
        <translation>no se guardaron las pujas: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) judged</source>
        <translation>
            <numerusform>%n publicación evaluada</numerusform>
            <numerusform>%n publicaciones evaluadas</numerusform>
        </translation>
    </message>
    <message>
        <source>could not check the leading post: %1</source>
        <translation>no se pudo comprobar la publicación de la puja en cabeza: %1</translation>
    </message>
    <message>
        <source>%1&apos;s wallet link was not taken: %2</source>
        <translation>No se aceptó el vínculo de billetera de %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>reading a backlog: %n post(s) judged so far</source>
        <translation>
            <numerusform>leyendo publicaciones pendientes: %n juzgada hasta ahora</numerusform>
            <numerusform>leyendo publicaciones pendientes: %n juzgadas hasta ahora</numerusform>
        </translation>
    </message>
    <message>
        <source>This month&apos;s reads from X could not be read (%1): they are counted from now on until they can.</source>
        <translation>No se pudieron leer las lecturas de X de este mes (%1): se cuentan desde ahora hasta que se puedan leer.</translation>
    </message>
    <message>
        <source>X refused the next page (%1): reading again from the first</source>
        <translation>X rechazó la página siguiente (%1): se vuelve a leer desde la primera</translation>
    </message>
    <message>
        <source>could not check the leading post: X&apos;s answer did not mention it</source>
        <translation>no se pudo comprobar la publicación de la puja en cabeza: la respuesta de X no la mencionaba</translation>
    </message>
</context>
<context>
    <name>sb::integrations::x::XOutbox</name>
    <message>
        <source>the wallet you link (reply: wallet 0x…)</source>
        <translation>la billetera que vincules (responde: wallet 0x…)</translation>
    </message>
    <message>
        <source>Posting budget low: only the auction&apos;s post and the winner go until X&apos;s limit resets.</source>
        <translation>Poco margen para publicar: solo salen la publicación de la subasta y la del ganador hasta que se reinicie el límite de X.</translation>
    </message>
    <message>
        <source>The auction was over before this could be posted.</source>
        <translation>La subasta terminó antes de que esto se pudiera publicar.</translation>
    </message>
    <message>
        <source>The template gives an empty text.</source>
        <translation>La plantilla da un texto vacío.</translation>
    </message>
    <message>
        <source>Posted %1.</source>
        <translation>Publicada: %1.</translation>
    </message>
    <message>
        <source>X refused the reply (the author never mentioned the account): it goes to the auction&apos;s thread.</source>
        <translation>X rechazó la respuesta (el autor nunca mencionó la cuenta): va al hilo de la subasta.</translation>
    </message>
    <message>
        <source>X&apos;s posting limit is spent: waiting for its reset at %1.</source>
        <translation>El límite de publicaciones de X está agotado: esperando a su reinicio a las %1.</translation>
    </message>
    <message>
        <source>X refused the token: waiting for a refresh or a new sign-in.</source>
        <translation>X rechazó el token: esperando una renovación o un nuevo inicio de sesión.</translation>
    </message>
    <message>
        <source>Posting again in %1 s: %2</source>
        <translation>Se vuelve a publicar en %1 s: %2</translation>
    </message>
    <message>
        <source>X refused a post: %1</source>
        <translation>X rechazó una publicación: %1</translation>
    </message>
    <message>
        <source>X says this text was posted already; its post was not among the account&apos;s newest.</source>
        <translation>X dice que este texto ya se publicó; su publicación no estaba entre las más recientes de la cuenta.</translation>
    </message>
    <message>
        <source>Posted before the studio stopped: %1.</source>
        <translation>Publicada antes de que el estudio se detuviera: %1.</translation>
    </message>
    <message>
        <source>id unknown</source>
        <translation>ID desconocido</translation>
    </message>
</context>
<context>
    <name>sb::integrations::x::XStream</name>
    <message>
        <source>not started</source>
        <translation>sin iniciar</translation>
    </message>
    <message>
        <source>signed out of X: nothing is read</source>
        <translation>sesión de X cerrada: no se lee nada</translation>
    </message>
    <message>
        <source>no auction takes bids: not connected</source>
        <translation>ninguna subasta admite pujas: sin conectar</translation>
    </message>
    <message>
        <source>connecting again in %1 s</source>
        <translation>se reconectará en %1 s</translation>
    </message>
    <message>
        <source>rule set for the auction&apos;s post</source>
        <translation>regla establecida para la publicación de la subasta</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>the stream sent a line longer than %1 MB</source>
        <translation>el flujo envió una línea de más de %1 MB</translation>
    </message>
    <message>
        <source>the bids were not stored: %1</source>
        <translation>las pujas no se guardaron: %1</translation>
    </message>
    <message>
        <source>X closed the stream</source>
        <translation>X cerró el flujo</translation>
    </message>
    <message>
        <source>the stream stopped: %1</source>
        <translation>el flujo se detuvo: %1</translation>
    </message>
    <message>
        <source>off: this account&apos;s access does not include the filtered stream (%1)</source>
        <translation>desactivado: el acceso de esta cuenta no incluye el flujo filtrado (%1)</translation>
    </message>
    <message>
        <source>%1; trying again in %2 s</source>
        <translation>%1; se reintentará en %2 s</translation>
    </message>
    <message>
        <source>X refused the access token: sign in to X again (%1)</source>
        <translation>X rechazó el token de acceso: vuelve a iniciar sesión en X (%1)</translation>
    </message>
    <message>
        <source>%1 is not used: %2</source>
        <translation>%1 no se usa: %2</translation>
    </message>
    <message numerus="yes">
        <source>connected: %n post(s) read</source>
        <translation>
            <numerusform>conectado: %n publicación leída</numerusform>
            <numerusform>conectado: %n publicaciones leídas</numerusform>
        </translation>
    </message>
    <message>
        <source>; without search it cannot vouch for what it may have missed, so the winner waits for the engine&apos;s longest wait</source>
        <translation>; sin la búsqueda no puede garantizar lo que se haya perdido, así que el ganador aguarda la espera más larga del motor</translation>
    </message>
</context>
<context>
    <name>sb::render::BroadcastPipeline</name>
    <message>
        <source>The canvas must be between 16×16 and 1920×1080 with even sides; %1×%2 is not.</source>
        <translation>El lienzo debe medir entre 16×16 y 1920×1080 con lados pares; %1×%2 no cumple.</translation>
    </message>
    <message>
        <source>The frame rate must be between 1 and 60; %1 is not.</source>
        <translation>Los fotogramas por segundo deben estar entre 1 y 60; %1 no lo está.</translation>
    </message>
</context>
<context>
    <name>sb::studio</name>
    <message>
        <source>%1 h %2 min %3 s</source>
        <translation>%1 h %2 min %3 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>below reserve</source>
        <translation>bajo la reserva</translation>
    </message>
    <message>
        <source>raise too small</source>
        <translation>incremento insuficiente</translation>
    </message>
    <message>
        <source>auction closed</source>
        <translation>subasta cerrada</translation>
    </message>
    <message>
        <source>not open yet</source>
        <translation>aún no abierta</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>account too new</source>
        <translation>cuenta demasiado reciente</translation>
    </message>
    <message>
        <source>account age unknown</source>
        <translation>antigüedad desconocida</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>bloqueada</translation>
    </message>
    <message>
        <source>no amount</source>
        <translation>sin importe</translation>
    </message>
    <message>
        <source>ambiguous amount</source>
        <translation>importe ambiguo</translation>
    </message>
    <message>
        <source>bad number</source>
        <translation>número no válido</translation>
    </message>
    <message>
        <source>too precise</source>
        <translation>demasiado preciso</translation>
    </message>
    <message>
        <source>ETH only</source>
        <translation>solo ETH</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicada</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>en revisión</translation>
    </message>
    <message>
        <source>wrong thread</source>
        <translation>hilo equivocado</translation>
    </message>
    <message>
        <source>missing hashtag</source>
        <translation>falta el hashtag</translation>
    </message>
    <message>
        <source>no wallet</source>
        <translation>sin billetera</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rechazada</translation>
    </message>
</context>
<context>
    <name>sb::studio::AuctionBarOverlay</name>
    <message>
        <source>Auction bar</source>
        <translation>Barra de subasta</translation>
    </message>
    <message>
        <source>No bids yet</source>
        <translation>Aún no hay pujas</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Día %1</translation>
    </message>
    <message>
        <source>Day %1 of %2</source>
        <translation>Día %1 de %2</translation>
    </message>
    <message>
        <source>Sold for</source>
        <translation>Vendido por</translation>
    </message>
    <message>
        <source>Current bid</source>
        <translation>Puja actual</translation>
    </message>
    <message>
        <source>Winner</source>
        <translation>Ganador</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Líder</translation>
    </message>
    <message>
        <source>Minimum bid</source>
        <translation>Puja mínima</translation>
    </message>
    <message>
        <source>Opens in</source>
        <translation>Abre en</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Marathon</source>
        <translation>Maratón</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Prorrogada</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
</context>
<context>
    <name>sb::studio::BidFeedOverlay</name>
    <message>
        <source>Bid feed</source>
        <translation>Feed de pujas</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>en revisión</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirada</translation>
    </message>
    <message>
        <source>Live bids</source>
        <translation>Pujas en vivo</translation>
    </message>
    <message>
        <source>Latest bids</source>
        <translation>Últimas pujas</translation>
    </message>
    <message>
        <source>Waiting for the first bid…</source>
        <translation>Esperando la primera puja…</translation>
    </message>
</context>
<context>
    <name>sb::studio::BidsTableModel</name>
    <message>
        <source>Accepted</source>
        <translation>Aceptada</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <source>Invalidated</source>
        <translation>Invalidada</translation>
    </message>
    <message>
        <source>Received %1 (posted %2)</source>
        <translation>Recibida %1 (publicada %2)</translation>
    </message>
    <message>
        <source>%1 gwei</source>
        <translation>%1 gwei</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Bidder</source>
        <translation>Postor</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Billetera</translation>
    </message>
</context>
<context>
    <name>sb::studio::DeadLetterModel</name>
    <message>
        <source>Select a dead letter to re-drive.</source>
        <translation>Selecciona un mensaje fallido para reenviarlo.</translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation>Suscriptor</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Failed at</source>
        <translation>Falló a las</translation>
    </message>
</context>
<context>
    <name>sb::studio::EventLogModel</name>
    <message>
        <source>%1 gave up on event %2: %3</source>
        <translation>%1 abandonó el evento %2: %3</translation>
    </message>
    <message>
        <source>%1 bid %2: accepted</source>
        <translation>%1 pujó %2: aceptada</translation>
    </message>
    <message>
        <source>%1 bid %2: rejected (%3)</source>
        <translation>%1 pujó %2: rechazada (%3)</translation>
    </message>
    <message>
        <source>%1 bid %2: waits for review</source>
        <translation>%1 pujó %2: pendiente de revisión</translation>
    </message>
    <message>
        <source>%1 bid %2: invalidated (%3)</source>
        <translation>%1 pujó %2: invalidada (%3)</translation>
    </message>
    <message>
        <source>No leader</source>
        <translation>Sin líder</translation>
    </message>
    <message>
        <source>%1 leads with %2</source>
        <translation>%1 lidera con %2</translation>
    </message>
    <message>
        <source>%1 (%2) outbid by %3</source>
        <translation>%1 (%2) superado por %3</translation>
    </message>
    <message>
        <source>End extended by %1 to %2</source>
        <translation>Cierre prorrogado %1, hasta %2</translation>
    </message>
    <message>
        <source>%1 wins with %2</source>
        <translation>%1 gana con %2</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>Lot %1</source>
        <translation>Lote %1</translation>
    </message>
    <message>
        <source>%1 %2: %3, %4 to %5</source>
        <translation>%1 %2: %3, de %4 a %5</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Sec.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>%1 linked the wallet %2</source>
        <translation>%1 vinculó la billetera %2</translation>
    </message>
</context>
<context>
    <name>sb::studio::HostMood</name>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Excited</source>
        <translation>Entusiasmada</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>Contenta</translation>
    </message>
    <message>
        <source>Surprised</source>
        <translation>Sorprendida</translation>
    </message>
    <message>
        <source>Thoughtful</source>
        <translation>Pensativa</translation>
    </message>
    <message>
        <source>Concerned</source>
        <translation>Preocupada</translation>
    </message>
    <message>
        <source>Triumphant</source>
        <translation>Triunfal</translation>
    </message>
</context>
<context>
    <name>sb::studio::HostOverlay</name>
    <message>
        <source>Host character</source>
        <translation>Personaje presentadora</translation>
    </message>
</context>
<context>
    <name>sb::studio::HowToBidOverlay</name>
    <message>
        <source>How to bid</source>
        <translation>Cómo pujar</translation>
    </message>
    <message>
        <source>How to bid on X</source>
        <translation>Cómo pujar en X</translation>
    </message>
    <message>
        <source>Reply to the auction post on X:</source>
        <translation>Responde a la publicación de la subasta en X:</translation>
    </message>
    <message>
        <source>Reply to @%1&apos;s auction post:</source>
        <translation>Responde a la publicación de @%1:</translation>
    </message>
    <message>
        <source>Next minimum</source>
        <translation>Próximo mínimo</translation>
    </message>
</context>
<context>
    <name>sb::studio::LeaderboardOverlay</name>
    <message>
        <source>Leaderboard</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>1 win</source>
        <translation>1 victoria</translation>
    </message>
    <message>
        <source>%1 wins</source>
        <translation>%1 victorias</translation>
    </message>
    <message>
        <source>Top bidders</source>
        <translation>Mejores postores</translation>
    </message>
    <message>
        <source>No bids yet</source>
        <translation>Aún no hay pujas</translation>
    </message>
</context>
<context>
    <name>sb::studio::LineComposer</name>
    <message>
        <source>LLM line used</source>
        <translation>Frase del LLM usada</translation>
    </message>
    <message>
        <source>Template line</source>
        <translation>Frase de plantilla</translation>
    </message>
    <message>
        <source>Template line: %1</source>
        <translation>Frase de plantilla: %1</translation>
    </message>
</context>
<context>
    <name>sb::studio::LineDirector</name>
    <message>
        <source>The line is empty.</source>
        <translation>La frase está vacía.</translation>
    </message>
    <message>
        <source>The line is longer than %1 characters.</source>
        <translation>La frase tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>The line contains &quot;%1&quot;, which is on the blocklist.</source>
        <translation>La frase contiene «%1», que está en la lista de bloqueo.</translation>
    </message>
</context>
<context>
    <name>sb::studio::LotCardOverlay</name>
    <message>
        <source>Lot card</source>
        <translation>Tarjeta del lote</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>Token #%1</source>
        <translation>Token #%1</translation>
    </message>
    <message>
        <source>Lot %1</source>
        <translation>Lote %1</translation>
    </message>
    <message>
        <source>Artwork preview</source>
        <translation>Vista previa de la obra</translation>
    </message>
</context>
<context>
    <name>sb::studio::PausedCardOverlay</name>
    <message>
        <source>Paused card</source>
        <translation>Tarjeta de pausa</translation>
    </message>
    <message>
        <source>Auction paused</source>
        <translation>Subasta en pausa</translation>
    </message>
    <message>
        <source>Time left: %1</source>
        <translation>Tiempo restante: %1</translation>
    </message>
    <message>
        <source>Bidding resumes shortly</source>
        <translation>Las pujas se reanudan en breve</translation>
    </message>
</context>
<context>
    <name>sb::studio::SceneBuilder</name>
    <message>
        <source>&quot;%1&quot; is not shown: %2</source>
        <translation>&quot;%1&quot; no se muestra: %2</translation>
    </message>
</context>
<context>
    <name>sb::studio::SceneCollection</name>
    <message>
        <source>Artwork</source>
        <translation>Obra</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Presentadora</translation>
    </message>
    <message>
        <source>Bid feed</source>
        <translation>Feed de pujas</translation>
    </message>
    <message>
        <source>Auction bar</source>
        <translation>Barra de subasta</translation>
    </message>
    <message>
        <source>Schedule card</source>
        <translation>Tarjeta del calendario</translation>
    </message>
    <message>
        <source>Paused card</source>
        <translation>Tarjeta de pausa</translation>
    </message>
    <message>
        <source>SOLD banner</source>
        <translation>Rótulo VENDIDO</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>We&apos;ll be right back</source>
        <translation>Volvemos enseguida</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminada</translation>
    </message>
    <message>
        <source>Auction</source>
        <translation>Subasta</translation>
    </message>
    <message>
        <source>Between auctions</source>
        <translation>Entre subastas</translation>
    </message>
    <message>
        <source>Be right back</source>
        <translation>Volvemos enseguida</translation>
    </message>
    <message>
        <source>Add scene &quot;%1&quot;</source>
        <translation>Añadir la escena &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Remove scene &quot;%1&quot;</source>
        <translation>Quitar la escena &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Rename scene to &quot;%1&quot;</source>
        <translation>Renombrar la escena a &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Add &quot;%1&quot;</source>
        <translation>Añadir &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot;</source>
        <translation>Quitar &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Move &quot;%1&quot;</source>
        <translation>Mover &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Show &quot;%1&quot;</source>
        <translation>Mostrar &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Hide &quot;%1&quot;</source>
        <translation>Ocultar &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Lock &quot;%1&quot;</source>
        <translation>Bloquear &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Unlock &quot;%1&quot;</source>
        <translation>Desbloquear &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Rename to &quot;%1&quot;</source>
        <translation>Renombrar a &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Opacity of &quot;%1&quot;</source>
        <translation>Opacidad de &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>Editar &quot;%1&quot;</translation>
    </message>
    <message>
        <source>This scene collection has format %1; this version reads format %2.</source>
        <translation>Esta colección de escenas tiene el formato %1; esta versión lee el formato %2.</translation>
    </message>
    <message>
        <source>A scene collection needs at least one scene.</source>
        <translation>Una colección de escenas necesita al menos una escena.</translation>
    </message>
    <message>
        <source>The canvas %1×%2 is outside 16×16 to 1920×1080.</source>
        <translation>El lienzo %1×%2 está fuera del rango de 16×16 a 1920×1080.</translation>
    </message>
    <message>
        <source>%1 is not a scene collection: %2</source>
        <translation>%1 no es una colección de escenas: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot save the scene collection to %1: %2</source>
        <translation>No se puede guardar la colección de escenas en %1: %2</translation>
    </message>
    <message>
        <source>Every scene needs a name.</source>
        <translation>Cada escena necesita un nombre.</translation>
    </message>
    <message>
        <source>Scene &quot;%1&quot;: %2</source>
        <translation>Escena &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Scene &quot;%1&quot; has two sources with the id &quot;%2&quot;.</source>
        <translation>La escena &quot;%1&quot; tiene dos fuentes con el id &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>A source needs an &quot;id&quot; and a &quot;kind&quot;.</source>
        <translation>Una fuente necesita un &quot;id&quot; y un &quot;kind&quot;.</translation>
    </message>
    <message>
        <source>How to bid</source>
        <translation>Cómo pujar</translation>
    </message>
    <message>
        <source>Cannot open the scene collection: %1</source>
        <translation>No se puede abrir la colección de escenas: %1</translation>
    </message>
</context>
<context>
    <name>sb::studio::ScheduleCardOverlay</name>
    <message>
        <source>Schedule card</source>
        <translation>Tarjeta del calendario</translation>
    </message>
    <message>
        <source>Day %1 of %2 · Lot %3</source>
        <translation>Día %1 de %2 · Lote %3</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Día %1</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Next auction in</source>
        <translation>Próxima subasta en</translation>
    </message>
    <message>
        <source>Day %1: paid ✓</source>
        <translation>Día %1: pagado ✓</translation>
    </message>
    <message>
        <source>Day %1: awaiting payment</source>
        <translation>Día %1: pendiente de pago</translation>
    </message>
    <message>
        <source>Day %1: unsold</source>
        <translation>Día %1: sin vender</translation>
    </message>
</context>
<context>
    <name>sb::studio::SettlementModel</name>
    <message>
        <source>Awaiting wallet</source>
        <translation>Esperando billetera</translation>
    </message>
    <message>
        <source>To reserve</source>
        <translation>Por reservar</translation>
    </message>
    <message>
        <source>Reserving</source>
        <translation>Reservando</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>Esperando pago</translation>
    </message>
    <message>
        <source>To cancel</source>
        <translation>Por cancelar</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Cancelando</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Unsold</source>
        <translation>Sin vender</translation>
    </message>
    <message>
        <source>Needs you</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>the buyer</source>
        <translation>el comprador</translation>
    </message>
    <message>
        <source>Waiting for %1 to link a wallet (asked on X). Set it by hand if they sent it another way, or skip them.</source>
        <translation>Esperando a que %1 vincule una billetera (se le pidió en X). Indícala a mano si la envió por otra vía, u omite a este comprador.</translation>
    </message>
    <message>
        <source>The reservation for %1 is being signed and sent.</source>
        <translation>Se está firmando y enviando la reserva para %1.</translation>
    </message>
    <message>
        <source>Waiting for the reservation to be included in a block.</source>
        <translation>Esperando a que la reserva se incluya en un bloque.</translation>
    </message>
    <message>
        <source>Waiting for %1 to pay %2 to the contract before the deadline.</source>
        <translation>Esperando a que %1 pague %2 al contrato antes del plazo.</translation>
    </message>
    <message>
        <source>Nobody left to pay: the reservation is being cancelled on chain.</source>
        <translation>No queda nadie que pague: la reserva se está cancelando en la cadena.</translation>
    </message>
    <message>
        <source>Waiting for the cancellation to be included in a block.</source>
        <translation>Esperando a que la cancelación se incluya en un bloque.</translation>
    </message>
    <message>
        <source>Paid: waiting for the mint to be confirmed.</source>
        <translation>Pagado: esperando a que se confirme la acuñación.</translation>
    </message>
    <message>
        <source>Done: token #%1 minted to %2.</source>
        <translation>Listo: token n.º %1 acuñado para %2.</translation>
    </message>
    <message>
        <source>Done: nobody paid; the lot is unsold.</source>
        <translation>Listo: nadie pagó; el lote queda sin vender.</translation>
    </message>
    <message>
        <source>Needs you: %1 Retry, skip the buyer or cancel.</source>
        <translation>Requiere atención: %1 Reintenta, omite al comprador o cancela.</translation>
    </message>
    <message>
        <source>a step failed.</source>
        <translation>falló un paso.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>vencido</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>quedan %1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation>quedan %1 h %2 min</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>n.º %1</translation>
    </message>
    <message>
        <source>%1 (runner-up %2)</source>
        <translation>%1 (segundo puesto %2)</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>sin vincular</translation>
    </message>
    <message>
        <source>Auction</source>
        <translation>Subasta</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Comprador</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Billetera</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Time to pay</source>
        <translation>Plazo de pago</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
</context>
<context>
    <name>sb::studio::ShowScene</name>
    <message>
        <source>The host&apos;s persona file %1 was not used: %2</source>
        <translation>No se usó el archivo de personaje del presentador %1: %2</translation>
    </message>
    <message>
        <source>The music bed %1 cannot be played: %2</source>
        <translation>La música de fondo %1 no se puede reproducir: %2</translation>
    </message>
</context>
<context>
    <name>sb::studio::SoldBannerOverlay</name>
    <message>
        <source>SOLD banner</source>
        <translation>Rótulo VENDIDO</translation>
    </message>
    <message>
        <source>SOLD</source>
        <translation>VENDIDO</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>a %1</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>por %1</translation>
    </message>
    <message>
        <source>Paid ✓ — token #%1 minted to %2</source>
        <translation>Pagado ✓ — token n.º %1 acuñado para %2</translation>
    </message>
</context>
<context>
    <name>sb::studio::StudioController</name>
    <message>
        <source>%1 The default scenes are used; the file was kept as %2.</source>
        <translation>%1 Se usan las escenas predeterminadas; el archivo se conservó como %2.</translation>
    </message>
    <message>
        <source>A marathon already runs from %1; it is never replaced from the studio.</source>
        <translation>Ya hay un maratón en curso desde %1; nunca se reemplaza desde el estudio.</translation>
    </message>
    <message>
        <source>The program cannot be rendered: %1</source>
        <translation>No se puede renderizar el programa: %1</translation>
    </message>
    <message>
        <source>Stop streaming and recording before changing the video settings.</source>
        <translation>Detén la transmisión y la grabación antes de cambiar la configuración de vídeo.</translation>
    </message>
    <message>
        <source>The program is not rendering.</source>
        <translation>El programa no se está renderizando.</translation>
    </message>
    <message>
        <source>No destination is enabled: add one in Settings → Stream.</source>
        <translation>No hay ningún destino activado: añade uno en Configuración → Transmisión.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an rtmp:// or rtmps:// address.</source>
        <translation>&quot;%1&quot; no es una dirección rtmp:// ni rtmps://.</translation>
    </message>
    <message>
        <source>Cannot create the recording folder %1.</source>
        <translation>No se puede crear la carpeta de grabaciones %1.</translation>
    </message>
    <message>
        <source>An export is already being written.</source>
        <translation>Ya se está escribiendo una exportación.</translation>
    </message>
    <message>
        <source>Bids and results exported to %1</source>
        <translation>Pujas y resultados exportados a %1</translation>
    </message>
    <message>
        <source>Cannot record to %1: %2.</source>
        <translation>No se puede grabar en %1: %2.</translation>
    </message>
</context>
<context>
    <name>sb::studio::StudioSettings</name>
    <message>
        <source>Start or stop streaming</source>
        <translation>Iniciar o detener la transmisión</translation>
    </message>
    <message>
        <source>Start or stop recording</source>
        <translation>Iniciar o detener la grabación</translation>
    </message>
    <message>
        <source>Next scene</source>
        <translation>Escena siguiente</translation>
    </message>
    <message>
        <source>Previous scene</source>
        <translation>Escena anterior</translation>
    </message>
    <message>
        <source>Pause or resume the auction</source>
        <translation>Pausar o reanudar la subasta</translation>
    </message>
    <message>
        <source>Extend the auction</source>
        <translation>Prolongar la subasta</translation>
    </message>
    <message>
        <source>Close the auction now</source>
        <translation>Cerrar la subasta ahora</translation>
    </message>
    <message>
        <source>The canvas width must be between %1 and %2 pixels (it is %3).</source>
        <translation>El ancho del lienzo debe estar entre %1 y %2 píxeles (es %3).</translation>
    </message>
    <message>
        <source>The canvas height must be between %1 and %2 pixels (it is %3).</source>
        <translation>El alto del lienzo debe estar entre %1 y %2 píxeles (es %3).</translation>
    </message>
    <message>
        <source>The canvas can be at most 1920×1080 pixels (or 1080×1920 upright).</source>
        <translation>El lienzo puede medir como máximo 1920×1080 píxeles (o 1080×1920 en vertical).</translation>
    </message>
    <message>
        <source>The canvas width and height must be even numbers of pixels.</source>
        <translation>El ancho y el alto del lienzo deben ser números pares de píxeles.</translation>
    </message>
    <message>
        <source>The frame rate must be between %1 and %2 frames per second (it is %3).</source>
        <translation>La frecuencia de fotogramas debe estar entre %1 y %2 fotogramas por segundo (es %3).</translation>
    </message>
    <message>
        <source>“%1” is not a video encoder the studio knows; choose one of: %2.</source>
        <translation>“%1” no es un codificador de vídeo que el estudio conozca; elige uno de estos: %2.</translation>
    </message>
    <message>
        <source>The video bitrate must be between %1 and %2 kbps (it is %3).</source>
        <translation>La tasa de bits de vídeo debe estar entre %1 y %2 kbps (es %3).</translation>
    </message>
    <message>
        <source>The keyframe interval must be between %1 and %2 seconds (it is %3).</source>
        <translation>El intervalo de fotogramas clave debe estar entre %1 y %2 segundos (es %3).</translation>
    </message>
    <message>
        <source>“%1” is not an encoder preset; choose one of: %2.</source>
        <translation>“%1” no es un preajuste del codificador; elige uno de estos: %2.</translation>
    </message>
    <message>
        <source>Give the destination a name.</source>
        <translation>Ponle un nombre al destino.</translation>
    </message>
    <message>
        <source>Enter the server URL of the destination (rtmp:// or rtmps://).</source>
        <translation>Escribe la URL del servidor del destino (rtmp:// o rtmps://).</translation>
    </message>
    <message>
        <source>The server URL must start with rtmp:// or rtmps:// (it is “%1”).</source>
        <translation>La URL del servidor debe empezar por rtmp:// o rtmps:// (es “%1”).</translation>
    </message>
    <message>
        <source>The server URL “%1” has no server name after the ://.</source>
        <translation>La URL del servidor “%1” no tiene nombre de servidor después de ://.</translation>
    </message>
    <message>
        <source>Choose a folder for recordings.</source>
        <translation>Elige una carpeta para las grabaciones.</translation>
    </message>
    <message>
        <source>The recordings folder must be a full path (it is “%1”).</source>
        <translation>La carpeta de grabaciones debe ser una ruta completa (es “%1”).</translation>
    </message>
    <message>
        <source>Recordings can be saved as mkv or mp4, not “%1”.</source>
        <translation>Las grabaciones se pueden guardar como mkv o mp4, no como “%1”.</translation>
    </message>
    <message>
        <source>There is no destination with this id; it may have been removed.</source>
        <translation>No hay ningún destino con este id; puede que se haya eliminado.</translation>
    </message>
    <message>
        <source>The destination was removed, but its stream key could not be deleted from the keychain: %1</source>
        <translation>Se eliminó el destino, pero no se pudo borrar su clave de transmisión del llavero del sistema: %1</translation>
    </message>
    <message>
        <source>The stream key is empty.</source>
        <translation>La clave de transmisión está vacía.</translation>
    </message>
    <message>
        <source>The stream key was not saved.</source>
        <translation>La clave de transmisión no se guardó.</translation>
    </message>
    <message>
        <source>“%1” is not an action that can have a hotkey.</source>
        <translation>“%1” no es una acción que pueda tener atajo.</translation>
    </message>
    <message>
        <source>%1 is already the hotkey of “%2”.</source>
        <translation>%1 ya es el atajo de “%2”.</translation>
    </message>
    <message>
        <source>“%1” is not a language the studio is translated to; choose English (en), Spanish (es) or the system language.</source>
        <translation>“%1” no es un idioma al que esté traducido el estudio; elige inglés (en), español (es) o el idioma del sistema.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be read; defaults are used.</source>
        <translation>No se pudo leer el archivo de configuración %1; se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source>The %1 settings were invalid and were reset: %2</source>
        <translation>La configuración de %1 no era válida y se restableció: %2</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>video</source>
        <translation>vídeo</translation>
    </message>
    <message>
        <source>output</source>
        <translation>salida</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>grabación</translation>
    </message>
    <message>
        <source>The destination has no id.</source>
        <translation>El destino no tiene id.</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>destino</translation>
    </message>
    <message>
        <source>The settings folder %1 could not be created.</source>
        <translation>No se pudo crear la carpeta de configuración %1.</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>No se pudo escribir la configuración en %1.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>presentador</translation>
    </message>
</context>
</TS>

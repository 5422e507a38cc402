// The meetings benchmark: 100,000 meetings spread over North America like real ones (clustered around ~300 city
// centres by population, a fifth of them online without coordinates), loaded inside PostgreSQL with
// generate_series; then the finder's latency near city centres and the Meeting Guide feed's generation time.
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { finderQuery } from '../src/contracts/meetings.ts';
import type { Db } from '../src/server/db/client.ts';
import * as schema from '../src/server/db/schema.ts';
import type { ServiceContext } from '../src/server/modules/context.ts';
import { createFinder } from '../src/server/modules/meetings/finder.ts';
import type { QueryPlan } from './journey.ts';

// ── City centres ─────────────────────────────────────────────────────────────────────────────────────────────────

// name|region|latitude|longitude|zone|metro population in thousands (approximate). Regions: US states and Canadian
// provinces by their two letters, Mexican states by their three (ISO 3166-2:MX).
const Z: Record<string, string> = {
  E: 'America/New_York', C: 'America/Chicago', M: 'America/Denver', A: 'America/Phoenix', P: 'America/Los_Angeles',
  AK: 'America/Anchorage', JU: 'America/Juneau', HI: 'Pacific/Honolulu', DT: 'America/Detroit', IN: 'America/Indiana/Indianapolis',
  KY: 'America/Kentucky/Louisville', BO: 'America/Boise', PR: 'America/Puerto_Rico', TO: 'America/Toronto', VA: 'America/Vancouver',
  ED: 'America/Edmonton', WI: 'America/Winnipeg', RE: 'America/Regina', HA: 'America/Halifax', MO: 'America/Moncton',
  SJ: 'America/St_Johns', WH: 'America/Whitehorse', MX: 'America/Mexico_City', MT: 'America/Monterrey', MA: 'America/Matamoros',
  TJ: 'America/Tijuana', HE: 'America/Hermosillo', CH: 'America/Chihuahua', CJ: 'America/Ciudad_Juarez', MZ: 'America/Mazatlan',
  CU: 'America/Cancun', ME: 'America/Merida',
};
const CITY_DATA = `
New York|NY|40.71|-74.01|E|12000;Newark|NJ|40.74|-74.17|E|2200;Hempstead|NY|40.71|-73.62|E|2800;White Plains|NY|41.03|-73.76|E|1000
Stamford|CT|41.05|-73.54|E|900;Los Angeles|CA|34.05|-118.24|P|9500;Long Beach|CA|33.77|-118.19|P|1800;Anaheim|CA|33.84|-117.91|P|3100
Chicago|IL|41.88|-87.63|C|7000;Naperville|IL|41.75|-88.15|C|1200;Schaumburg|IL|42.03|-88.08|C|1200;Dallas|TX|32.78|-96.80|C|4200
Fort Worth|TX|32.76|-97.33|C|2600;Houston|TX|29.76|-95.37|C|7100;Washington|DC|38.91|-77.04|E|6300;Philadelphia|PA|39.95|-75.17|E|6200
Miami|FL|25.76|-80.19|E|3000;Fort Lauderdale|FL|26.12|-80.14|E|2000;West Palm Beach|FL|26.72|-80.05|E|1500;Atlanta|GA|33.75|-84.39|E|6100
Boston|MA|42.36|-71.06|E|4900;Phoenix|AZ|33.45|-112.07|A|3300;Mesa|AZ|33.42|-111.83|A|1600;San Francisco|CA|37.77|-122.42|P|2500
Oakland|CA|37.80|-122.27|P|2200;San Jose|CA|37.34|-121.89|P|2000;Riverside|CA|33.98|-117.38|P|2300;San Bernardino|CA|34.11|-117.29|P|2200
Detroit|MI|42.33|-83.05|DT|4300;Seattle|WA|47.61|-122.33|P|3300;Tacoma|WA|47.25|-122.44|P|900;Minneapolis|MN|44.98|-93.27|C|2100
Saint Paul|MN|44.95|-93.09|C|1600;San Diego|CA|32.72|-117.16|P|3300;Tampa|FL|27.95|-82.46|E|1700;St. Petersburg|FL|27.77|-82.64|E|1500
Denver|CO|39.74|-104.99|M|2400;Aurora|CO|39.73|-104.83|M|600;Baltimore|MD|39.29|-76.61|E|2800;St. Louis|MO|38.63|-90.20|C|2800
Orlando|FL|28.54|-81.38|E|2700;Charlotte|NC|35.23|-80.84|E|2700;San Antonio|TX|29.42|-98.49|C|2600;Portland|OR|45.52|-122.68|P|2500
Sacramento|CA|38.58|-121.49|P|2400;Pittsburgh|PA|40.44|-79.99|E|2400;Austin|TX|30.27|-97.74|C|2400;Las Vegas|NV|36.17|-115.14|P|2300
Cincinnati|OH|39.10|-84.51|E|2300;Kansas City|MO|39.10|-94.58|C|2200;Columbus|OH|39.96|-83.00|E|2100;Indianapolis|IN|39.77|-86.16|IN|2100
Cleveland|OH|41.50|-81.69|E|2100;Nashville|TN|36.16|-86.78|C|2000;Virginia Beach|VA|36.85|-75.98|E|1800;Providence|RI|41.82|-71.41|E|1700
Jacksonville|FL|30.33|-81.66|E|1600;Milwaukee|WI|43.04|-87.91|C|1600;Raleigh|NC|35.78|-78.64|E|1400;Oklahoma City|OK|35.47|-97.52|C|1400
Memphis|TN|35.15|-90.05|C|1300;Richmond|VA|37.54|-77.44|E|1300;Louisville|KY|38.25|-85.76|KY|1300;New Orleans|LA|29.95|-90.07|C|1300
Salt Lake City|UT|40.76|-111.89|M|1300;Hartford|CT|41.76|-72.67|E|1200;Buffalo|NY|42.89|-78.88|E|1200;Birmingham|AL|33.52|-86.80|C|1100
Rochester|NY|43.16|-77.61|E|1100;Grand Rapids|MI|42.96|-85.67|DT|1100;Tucson|AZ|32.22|-110.97|A|1000;Honolulu|HI|21.31|-157.86|HI|1000
Tulsa|OK|36.15|-95.99|C|1000;Fresno|CA|36.74|-119.79|P|1000;Worcester|MA|42.26|-71.80|E|950;Omaha|NE|41.26|-95.93|C|970
Bridgeport|CT|41.19|-73.20|E|950;Greenville|SC|34.85|-82.40|E|950;Albuquerque|NM|35.08|-106.65|M|920;Bakersfield|CA|35.37|-119.02|P|900
Albany|NY|42.65|-73.76|E|900;Knoxville|TN|35.96|-83.92|E|900;El Paso|TX|31.76|-106.49|M|870;Baton Rouge|LA|30.45|-91.19|C|870
New Haven|CT|41.31|-72.92|E|860;Allentown|PA|40.60|-75.49|E|860;Oxnard|CA|34.20|-119.18|P|840;Columbia|SC|34.00|-81.03|E|840
McAllen|TX|26.20|-98.23|C|880;Sarasota|FL|27.34|-82.53|E|850;Dayton|OH|39.76|-84.19|E|810;Charleston|SC|32.78|-79.93|E|800
Greensboro|NC|36.07|-79.79|E|780;Stockton|CA|37.96|-121.29|P|780;Cape Coral|FL|26.56|-81.95|E|760;Boise|ID|43.62|-116.20|BO|770
Colorado Springs|CO|38.83|-104.82|M|760;Little Rock|AR|34.75|-92.29|C|750;Lakeland|FL|28.04|-81.95|E|750;Akron|OH|41.08|-81.52|E|700
Des Moines|IA|41.59|-93.62|C|710;Springfield|MA|42.10|-72.59|E|700;Ogden|UT|41.22|-111.97|M|690;Madison|WI|43.07|-89.40|C|680
Winston-Salem|NC|36.10|-80.24|E|680;Deltona|FL|28.90|-81.26|E|680;Syracuse|NY|43.05|-76.15|E|660;Provo|UT|40.23|-111.66|M|670
Toledo|OH|41.65|-83.54|E|640;Wichita|KS|37.69|-97.34|C|650;Durham|NC|35.99|-78.90|E|650;Augusta|GA|33.47|-81.97|E|610
Palm Bay|FL|28.03|-80.59|E|600;Jackson|MS|32.30|-90.18|C|590;Harrisburg|PA|40.27|-76.88|E|590;Spokane|WA|47.66|-117.43|P|590
Scranton|PA|41.41|-75.66|E|570;Chattanooga|TN|35.05|-85.31|E|570;Modesto|CA|37.64|-120.99|P|550;Lancaster|PA|40.04|-76.31|E|550
Portland|ME|43.66|-70.26|E|550;Lansing|MI|42.73|-84.56|DT|540;Lexington|KY|38.04|-84.50|E|520;Fayetteville|AR|36.06|-94.16|C|560
Pensacola|FL|30.42|-87.22|C|510;Youngstown|OH|41.10|-80.65|E|540;Reno|NV|39.53|-119.81|P|500;Huntsville|AL|34.73|-86.59|C|500
Myrtle Beach|SC|33.69|-78.89|E|500;Port St. Lucie|FL|27.27|-80.35|E|500;Springfield|MO|37.21|-93.29|C|480;Corpus Christi|TX|27.80|-97.40|C|420
Fort Wayne|IN|41.08|-85.14|IN|420;Asheville|NC|35.60|-82.55|E|470;Santa Rosa|CA|38.44|-122.71|P|490;Salem|OR|44.94|-123.04|P|440
Mobile|AL|30.69|-88.04|C|430;Eugene|OR|44.05|-123.09|P|380;Peoria|IL|40.69|-89.59|C|400;Rockford|IL|42.27|-89.09|C|340
Savannah|GA|32.08|-81.09|E|400;Ann Arbor|MI|42.28|-83.74|DT|370;Shreveport|LA|32.53|-93.75|C|390;Montgomery|AL|32.38|-86.30|C|380
Trenton|NJ|40.22|-74.76|E|380;Flint|MI|43.01|-83.69|DT|400;Anchorage|AK|61.22|-149.90|AK|400;Lubbock|TX|33.58|-101.86|C|330
Amarillo|TX|35.22|-101.83|C|270;Gainesville|FL|29.65|-82.32|E|340;Tallahassee|FL|30.44|-84.28|E|390;Killeen|TX|31.12|-97.73|C|480
Visalia|CA|36.33|-119.29|P|470;Fayetteville|NC|35.05|-78.88|E|390;Lafayette|LA|30.22|-92.02|C|480;South Bend|IN|41.68|-86.25|IN|320
Evansville|IN|37.97|-87.57|C|310;Green Bay|WI|44.51|-88.01|C|330;Duluth|MN|46.79|-92.10|C|290;Fargo|ND|46.88|-96.79|C|250
Sioux Falls|SD|43.55|-96.73|C|280;Lincoln|NE|40.81|-96.68|C|340;Cedar Rapids|IA|41.98|-91.67|C|270;Davenport|IA|41.52|-90.58|C|380
Springfield|IL|39.80|-89.64|C|210;Champaign|IL|40.12|-88.24|C|230;Topeka|KS|39.05|-95.68|C|230;Columbia|MO|38.95|-92.33|C|210
Billings|MT|45.78|-108.50|M|190;Missoula|MT|46.87|-113.99|M|120;Bozeman|MT|45.68|-111.04|M|120;Cheyenne|WY|41.14|-104.82|M|100
Casper|WY|42.87|-106.31|M|80;Rapid City|SD|44.08|-103.23|M|150;Bismarck|ND|46.81|-100.78|C|130;Fort Collins|CO|40.59|-105.08|M|360
Boulder|CO|40.01|-105.27|M|330;Pueblo|CO|38.25|-104.61|M|170;Grand Junction|CO|39.06|-108.55|M|160;Santa Fe|NM|35.69|-105.94|M|150
Las Cruces|NM|32.32|-106.76|M|220;Farmington|NM|36.73|-108.22|M|120;Flagstaff|AZ|35.20|-111.65|A|145;Yuma|AZ|32.69|-114.63|A|210
Prescott|AZ|34.54|-112.47|A|240;St. George|UT|37.10|-113.58|M|190;Logan|UT|41.74|-111.83|M|150;Idaho Falls|ID|43.49|-112.03|BO|160
Pocatello|ID|42.87|-112.45|BO|95;Coeur d'Alene|ID|47.68|-116.78|P|180;Yakima|WA|46.60|-120.51|P|250;Kennewick|WA|46.21|-119.14|P|300
Bellingham|WA|48.75|-122.48|P|230;Olympia|WA|47.04|-122.90|P|300;Bend|OR|44.06|-121.32|P|200;Medford|OR|42.33|-122.87|P|220
Redding|CA|40.59|-122.39|P|180;Chico|CA|39.73|-121.84|P|210;San Luis Obispo|CA|35.28|-120.66|P|280;Santa Barbara|CA|34.42|-119.70|P|440
Salinas|CA|36.68|-121.66|P|430;Santa Cruz|CA|36.97|-122.03|P|270;Merced|CA|37.30|-120.48|P|280;Palm Springs|CA|33.83|-116.55|P|450
Lancaster|CA|34.70|-118.14|P|400;Carson City|NV|39.16|-119.77|P|60;Hilo|HI|19.72|-155.08|HI|200;Juneau|AK|58.30|-134.42|JU|32
Fairbanks|AK|64.84|-147.72|AK|100;Burlington|VT|44.48|-73.21|E|225;Manchester|NH|42.99|-71.46|E|420;Portsmouth|NH|43.07|-70.76|E|130
Bangor|ME|44.80|-68.77|E|150;Erie|PA|42.13|-80.09|E|270;Reading|PA|40.34|-75.93|E|430;State College|PA|40.79|-77.86|E|160
Binghamton|NY|42.10|-75.92|E|240;Utica|NY|43.10|-75.23|E|290;Poughkeepsie|NY|41.70|-73.92|E|700;Ithaca|NY|42.44|-76.50|E|100
Atlantic City|NJ|39.36|-74.42|E|270;Wilmington|DE|39.74|-75.55|E|720;Dover|DE|39.16|-75.52|E|180;Annapolis|MD|38.98|-76.49|E|400
Frederick|MD|39.41|-77.41|E|270;Roanoke|VA|37.27|-79.94|E|310;Charlottesville|VA|38.03|-78.48|E|220;Lynchburg|VA|37.41|-79.14|E|260
Morgantown|WV|39.63|-79.96|E|140;Charleston|WV|38.35|-81.63|E|210;Huntington|WV|38.42|-82.45|E|360;Wilmington|NC|34.23|-77.94|E|300
Columbus|GA|32.46|-84.99|E|330;Macon|GA|32.84|-83.63|E|230;Athens|GA|33.96|-83.38|E|220;Tuscaloosa|AL|33.21|-87.57|C|270
Hattiesburg|MS|31.33|-89.29|C|170;Gulfport|MS|30.37|-89.09|C|420;Jonesboro|AR|35.84|-90.70|C|135;Fort Smith|AR|35.39|-94.40|C|250
Lake Charles|LA|30.23|-93.22|C|210;Monroe|LA|32.51|-92.12|C|200;Beaumont|TX|30.08|-94.13|C|390;Waco|TX|31.55|-97.15|C|280
Tyler|TX|32.35|-95.30|C|240;College Station|TX|30.63|-96.33|C|280;Laredo|TX|27.53|-99.49|C|270;Brownsville|TX|25.90|-97.50|C|430
Midland|TX|32.00|-102.08|C|180;Odessa|TX|31.85|-102.37|C|165;Abilene|TX|32.45|-99.73|C|180;San Angelo|TX|31.46|-100.44|C|120
Wichita Falls|TX|33.91|-98.49|C|150;Lawton|OK|34.61|-98.39|C|130;Norman|OK|35.22|-97.44|C|130;Joplin|MO|37.08|-94.51|C|180
Kalamazoo|MI|42.29|-85.59|DT|260;Saginaw|MI|43.42|-83.95|DT|190;Traverse City|MI|44.76|-85.62|DT|150;Marquette|MI|46.55|-87.40|DT|65
Canton|OH|40.80|-81.38|E|400;Mansfield|OH|40.76|-82.52|E|120;Bloomington|IN|39.17|-86.53|IN|170;Lafayette|IN|40.42|-86.88|IN|230
Bowling Green|KY|36.99|-86.44|C|180;Clarksville|TN|36.53|-87.36|C|320;Johnson City|TN|36.31|-82.35|E|210;Eau Claire|WI|44.81|-91.50|C|170
La Crosse|WI|43.80|-91.24|C|140;Appleton|WI|44.26|-88.42|C|240;Rochester|MN|44.02|-92.47|C|225;St. Cloud|MN|45.56|-94.16|C|200
Iowa City|IA|41.66|-91.53|C|175;Sioux City|IA|42.50|-96.40|C|145;Waterloo|IA|42.49|-92.34|C|170;Grand Island|NE|40.93|-98.34|C|75
Manhattan|KS|39.18|-96.57|C|130;Lawrence|KS|38.97|-95.24|C|120;San Juan|PR|18.47|-66.11|PR|2000;Ponce|PR|18.01|-66.61|PR|250
Toronto|ON|43.65|-79.38|TO|6200;Montréal|QC|45.50|-73.57|TO|4300;Vancouver|BC|49.28|-123.12|VA|2600;Calgary|AB|51.05|-114.07|ED|1500
Edmonton|AB|53.55|-113.49|ED|1400;Ottawa|ON|45.42|-75.70|TO|1400;Winnipeg|MB|49.90|-97.14|WI|830;Québec|QC|46.81|-71.21|TO|840
Hamilton|ON|43.26|-79.87|TO|780;Kitchener|ON|43.45|-80.49|TO|580;London|ON|42.98|-81.25|TO|540;Victoria|BC|48.43|-123.37|VA|400
Halifax|NS|44.65|-63.58|HA|440;Oshawa|ON|43.90|-78.86|TO|420;Windsor|ON|42.31|-83.04|TO|420;Saskatoon|SK|52.13|-106.67|RE|330
St. Catharines|ON|43.16|-79.25|TO|430;Regina|SK|50.45|-104.61|RE|250;St. John's|NL|47.56|-52.71|SJ|210;Kelowna|BC|49.89|-119.50|VA|220
Barrie|ON|44.39|-79.69|TO|210;Sherbrooke|QC|45.40|-71.89|TO|230;Guelph|ON|43.55|-80.25|TO|170;Abbotsford|BC|49.05|-122.31|VA|200
Kingston|ON|44.23|-76.49|TO|170;Saguenay|QC|48.43|-71.07|TO|160;Trois-Rivières|QC|46.34|-72.54|TO|160;Moncton|NB|46.09|-64.78|MO|160
Saint John|NB|45.27|-66.06|MO|130;Thunder Bay|ON|48.38|-89.25|TO|120;Sudbury|ON|46.49|-80.99|TO|170;Peterborough|ON|44.30|-78.32|TO|130
Lethbridge|AB|49.69|-112.84|ED|120;Kamloops|BC|50.67|-120.33|VA|110;Nanaimo|BC|49.17|-123.94|VA|110;Red Deer|AB|52.27|-113.81|ED|110
Fredericton|NB|45.96|-66.64|MO|110;Charlottetown|PE|46.24|-63.13|HA|80;Prince George|BC|53.92|-122.75|VA|90;Whitehorse|YT|60.72|-135.06|WH|30
Yellowknife|NT|62.45|-114.37|ED|20;Ciudad de México|CMX|19.43|-99.13|MX|12000;Ecatepec|MEX|19.60|-99.05|MX|5000;Naucalpan|MEX|19.48|-99.24|MX|4800
Guadalajara|JAL|20.67|-103.35|MX|5300;Monterrey|NLE|25.69|-100.32|MT|5300;Puebla|PUE|19.04|-98.21|MX|3200;Toluca|MEX|19.28|-99.66|MX|2300
Tijuana|BCN|32.51|-117.04|TJ|2200;León|GUA|21.12|-101.68|MX|2100;Querétaro|QUE|20.59|-100.39|MX|1600;Ciudad Juárez|CHH|31.69|-106.42|CJ|1500
San Luis Potosí|SLP|22.15|-100.98|MX|1250;Mérida|YUC|20.97|-89.62|ME|1300;Aguascalientes|AGU|21.88|-102.29|MX|1150;Mexicali|BCN|32.62|-115.45|TJ|1050
Saltillo|COA|25.42|-101.00|MT|1030;Cuernavaca|MOR|18.92|-99.23|MX|1000;Culiacán|SIN|24.81|-107.39|MZ|1000;Chihuahua|CHH|28.63|-106.07|CH|990
Morelia|MIC|19.70|-101.19|MX|990;Hermosillo|SON|29.07|-110.96|HE|930;Veracruz|VER|19.17|-96.13|MX|940;Reynosa|TAM|26.09|-98.28|MA|900
Tampico|TAM|22.23|-97.86|MT|930;Cancún|ROO|21.16|-86.85|CU|930;Acapulco|GRO|16.85|-99.82|MX|880;Villahermosa|TAB|17.99|-92.93|MX|830
Torreón|COA|25.54|-103.41|MT|1400;Oaxaca|OAX|17.07|-96.73|MX|700;Xalapa|VER|19.53|-96.92|MX|790;Tuxtla Gutiérrez|CHP|16.75|-93.12|MX|850
Durango|DUR|24.02|-104.66|MT|690;Celaya|GUA|20.52|-100.81|MX|760;Pachuca|HID|20.10|-98.76|MX|600;Mazatlán|SIN|23.25|-106.41|MZ|500
Ensenada|BCN|31.87|-116.60|TJ|520;Matamoros|TAM|25.87|-97.50|MA|540;Nuevo Laredo|TAM|27.48|-99.52|MA|430;Irapuato|GUA|20.68|-101.35|MX|600
Tepic|NAY|21.50|-104.89|MZ|500;Puerto Vallarta|JAL|20.65|-105.23|MX|480;Colima|COL|19.24|-103.72|MX|360;Zacatecas|ZAC|22.77|-102.58|MX|400
Campeche|CAM|19.85|-90.53|ME|300;Chetumal|ROO|18.50|-88.30|CU|230;Ciudad Obregón|SON|27.49|-109.94|HE|440;La Paz|BCS|24.14|-110.31|MZ|300
Los Cabos|BCS|22.89|-109.91|MZ|350;Nogales|SON|31.31|-110.94|HE|260;Tlaxcala|TLA|19.32|-98.24|MX|550;Uruapan|MIC|19.42|-102.06|MX|360
Coatzacoalcos|VER|18.14|-94.46|MX|370;Poza Rica|VER|20.53|-97.46|MX|530;Monclova|COA|26.91|-101.42|MT|370;Piedras Negras|COA|28.70|-100.52|MA|250
Ciudad Victoria|TAM|23.74|-99.15|MT|360;San Cristóbal de las Casas|CHP|16.74|-92.64|MX|215;Tapachula|CHP|14.91|-92.26|MX|350`;

export interface City {
  name: string;
  region: string;
  country: 'USA' | 'Canada' | 'México';
  lat: number;
  lng: number;
  timeZone: string;
  populationK: number;
}

const CANADA = new Set(['ON', 'QC', 'BC', 'AB', 'MB', 'SK', 'NS', 'NB', 'NL', 'PE', 'YT', 'NT', 'NU']);
export const CITIES: City[] = CITY_DATA.trim()
  .split(/[;\n]/)
  .map((entry) => {
    const [name, region, lat, lng, zone, population] = entry.split('|') as [string, string, string, string, string, string];
    const country = region.length === 3 ? 'México' : CANADA.has(region) ? 'Canada' : 'USA';
    return { name, region, country, lat: Number(lat), lng: Number(lng), timeZone: Z[zone]!, populationK: Number(population) };
  });

// ── Loading ──────────────────────────────────────────────────────────────────────────────────────────────────────

export interface MeetingsLoad {
  meetings: number;
  groups: number;
  withCoordinates: number;
  publicMeetings: number;
  loadMs: number;
  settleMs: number;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Inserts meetings `from`..`from + count - 1` (slugs `bench-<n>`) and a group for every five, in one transaction,
 * all inside PostgreSQL: a city is drawn in proportion to its population (a slot table: one row per share), and
 * the place is the city centre plus gaussian jitter (Box–Muller) growing with the city's size. 20% are online
 * (no coordinates, an approximate city address), 15% hybrid, 1% temporarily inactive; a share of groups is
 * members-only. Zones are the city's; days, times and types follow what meeting lists look like.
 */
export async function loadMeetings(url: string, opts: { from: number; count: number; membersOnlyShare: number; oneOffShare: number }): Promise<MeetingsLoad> {
  return withClient(url, async (client) => {
    const started = performance.now();
    await client.query('begin');
    await client.query('set local synchronous_commit = off');
    await client.query(
      `create temp table bench_city on commit drop as
       select n::int, name, region, country, lat, lng, zone, pop
         from unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::int[]) with ordinality c(name, region, country, lat, lng, zone, pop, n)`,
      [CITIES.map((c) => c.name), CITIES.map((c) => c.region), CITIES.map((c) => c.country), CITIES.map((c) => c.lat), CITIES.map((c) => c.lng), CITIES.map((c) => c.timeZone), CITIES.map((c) => c.populationK)],
    );
    // 10,000 slots shared by population, at least one per city.
    await client.query(`create temp table bench_slot on commit drop as
      select row_number() over () as s, n from bench_city c, generate_series(1, greatest(1, round(c.pop * 10000.0 / (select sum(pop) from bench_city))::int))`);
    await client.query('create index on bench_slot (s)');
    const { rows: slots } = await client.query<{ n: number }>('select count(*)::int as n from bench_slot');
    // Five meetings to a group; starting on a multiple of five keeps a second load's groups apart from the first's.
    if (opts.from % 5 !== 0) throw new RangeError('Load meetings from a multiple of 5');
    const groupsFrom = opts.from / 5;
    const groupCount = Math.ceil(opts.count / 5);
    await client.query(
      `create temp table bench_group on commit drop as
       select k, gen_random_uuid() as id, random() < $3 as members_only from generate_series($1::int, $1::int + $2::int - 1) k`,
      [groupsFrom, groupCount, opts.membersOnlyShare],
    );
    await client.query(`insert into support_group (id, slug, name, pathway, fellowship, languages, visibility, membership)
      select id, 'bench-group-' || k, 'Bench group ' || k, 'twelve_step', 'Alcoholics Anonymous', '{en}',
             case when members_only then 'members' else 'public' end, case when members_only then 'approval' else 'open' end
        from bench_group`);
    const inserted = await client.query(
      `insert into meeting (id, group_id, slug, name, days, once_on, start_time, end_time, time_zone, attendance, location_name, formatted_address,
                            latitude, longitude, region, approximate_address, conference_url, types, languages, notes)
       select gen_random_uuid(), g.id, 'bench-' || x.i,
              (array['Serenity', 'Hope', 'New Beginnings', 'Keep It Simple', 'Sunrise', 'Primary Purpose', 'Living Sober', 'Happy Destiny',
                     'Came to Believe', 'Acceptance', 'Freedom', 'Big Book', 'Step Study', 'Nooners', 'Candlelight', 'Into Action'])[1 + x.i % 16]
                || case when d.spanish then ' (Grupo ' || (array['Esperanza', 'Nueva Vida', 'Serenidad', 'Fe'])[1 + x.i % 4] || ')' else '' end || ' ' || c.name,
              case when x.once then '{}'::smallint[]
                   when x.r_days < 0.75 then array[x.day]::smallint[]
                   when x.r_days < 0.87 then '{1,2,3,4,5}'::smallint[]
                   when x.r_days < 0.93 then '{0,1,2,3,4,5,6}'::smallint[]
                   else array[x.day, (x.day + 3) % 7]::smallint[] end,
              case when x.once then current_date + (x.r_days * 60)::int end,
              x.start_time, to_char(x.start_time::time + x.length, 'HH24:MI'), c.zone, d.attendance,
              case when d.attendance = 'online' then '' else (array['St. Mark''s Church hall', 'Community center', 'Alano club', 'Public library, room B', 'Fellowship hall'])[1 + x.i % 5] end,
              case when d.attendance <> 'online' then (100 + x.i % 8900) || ' ' || (array['Main St', 'Oak Ave', 'Church St', 'Elm St', 'Park Ave', 'Maple Ave', 'Lake St', 'Hill Rd'])[1 + x.i % 8]
                   || ', ' || c.name || ', ' || c.region || ', ' || c.country end,
              case when d.attendance <> 'online' then c.lat + x.z1 * d.sigma_km / 111.0 end,
              case when d.attendance <> 'online' then c.lng + x.z2 * d.sigma_km / (111.0 * cos(radians(c.lat))) end,
              c.name, case when d.attendance = 'online' then c.name || ', ' || c.region || ', ' || c.country else '' end,
              case when d.attendance in ('online', 'hybrid') then 'https://zoom.us/j/' || (81000000000 + x.i) end,
              array_remove(array[
                case when x.r_open < 0.65 then 'O' else 'C' end,
                case when random() < 0.55 then 'D' end, case when random() < 0.15 then 'B' end, case when random() < 0.12 then 'ST' end,
                case when random() < 0.12 then 'SP' end, case when random() < 0.10 then 'BE' end, case when random() < 0.05 then 'MED' end,
                case when random() < 0.05 then 'W' when random() < 0.04 then 'M' end, case when random() < 0.04 then 'Y' end,
                case when random() < 0.03 then 'LGBTQ' end, case when d.spanish then 'S' end,
                case when d.attendance <> 'online' and random() < 0.25 then 'X' end], null),
              case when d.spanish then '{es}'::text[] else '{}'::text[] end, ''
         from (select i, 1 + floor(random() * $3::int)::int as s, random() as r_days, random() as r_open, random() as r_attendance, random() as r_language,
                      floor(random() * 7)::int as day, random() < $4 as once,
                      (array['06:30', '07:00', '07:00', '07:30', '08:00', '09:00', '10:00', '12:00', '12:00', '12:10', '12:30', '17:30', '18:00', '18:00',
                             '18:30', '19:00', '19:00', '19:00', '19:30', '19:30', '20:00', '20:00', '20:30', '21:00', '22:00'])[1 + floor(random() * 25)::int] as start_time,
                      case when random() < 0.7 then interval '60 minutes' else interval '90 minutes' end as length,
                      -- Box–Muller: two independent standard normals.
                      sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) as z1, sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random()) as z2
                 from generate_series($1::int, $1::int + $2::int - 1) i) x
         join bench_slot sl on sl.s = x.s
         join bench_city c on c.n = sl.n
         join bench_group g on g.k = x.i / 5
        cross join lateral (
          select case when x.r_attendance < 0.20 then 'online' when x.r_attendance < 0.35 then 'hybrid' when x.r_attendance < 0.36 then 'inactive' else 'in_person' end as attendance,
                 -- Bigger cities spread wider: 4.5 km for a town of 100,000, about 30 km for New York's core.
                 2 + 2.5 * sqrt(c.pop / 100.0) as sigma_km,
                 case when c.country = 'México' then x.r_language < 0.95 else x.r_language < 0.08 end as spanish) d`,
      [opts.from, opts.count, slots[0]!.n, opts.oneOffShare],
    );
    await client.query('commit');
    const loadMs = performance.now() - started;
    const settling = performance.now();
    await client.query('vacuum (analyze) meeting, support_group');
    await client.query('checkpoint');
    const settleMs = performance.now() - settling;
    const { rows } = await client.query<{ meetings: number; groups: number; located: number; public: number }>(
      `select count(*)::int as meetings, count(distinct m.group_id)::int as groups, count(m.latitude)::int as located,
              count(*) filter (where g.visibility = 'public')::int as public
         from meeting m join support_group g on g.id = m.group_id where m.slug like 'bench-%'`,
    );
    if ((inserted.rowCount ?? 0) !== opts.count) throw new Error(`inserted ${inserted.rowCount} meetings, expected ${opts.count}`);
    const r = rows[0]!;
    return { meetings: r.meetings, groups: r.groups, withCoordinates: r.located, publicMeetings: r.public, loadMs, settleMs };
  });
}

// ── Measuring ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export const latencyStats = (ms: number[]): LatencyStats => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
};

export interface FeedResults {
  /** Entries in the JSON array. */
  entries: number;
  bytes: number;
  /** Each: a meeting changed, then the first request (the feed is rebuilt), timed to its last byte. */
  firstAfterChangeMs: number[];
  cached: LatencyStats;
}

export interface FinderResults {
  query: string;
  http: LatencyStats;
  /** The finder service called in the harness process with the same queries: no HTTP, no JSON. */
  inProcess: LatencyStats;
  /** Meetings matched per request (`total`). */
  matched: { median: number; max: number };
  /** The slowest city centre over HTTP. */
  slowest: { city: string; total: number; ms: number };
  plans: QueryPlan[];
}

export interface MeetingsResults {
  feedLoad: MeetingsLoad;
  fullLoad: MeetingsLoad;
  feed: FeedResults;
  finder: FinderResults;
}

export const MEETINGS_TARGETS = { finderP99Ms: 20, feedGenerationMs: 300 };

/** One GET on a kept-alive connection, timed to the last byte (decoding the text is the client's work, after). */
async function timedGet(url: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const res = await fetch(url);
  const bytes = await res.arrayBuffer();
  const ms = performance.now() - started;
  return { ms, status: res.status, body: new TextDecoder().decode(bytes) };
}

async function expect200(url: string) {
  const r = await timedGet(url);
  if (r.status !== 200) throw new Error(`GET ${url} answered ${r.status}: ${r.body.slice(0, 300)}`);
  return r;
}

/** The Meeting Guide feed: rebuilt on the first request after a change, then served from memory. */
async function measureFeed(baseUrl: string, dbUrl: string, rounds: number, cachedRequests: number): Promise<FeedResults> {
  const url = `${baseUrl}/feeds/meetings.json`;
  const firstAfterChangeMs: number[] = [];
  let last = { ms: 0, status: 0, body: '' };
  await withClient(dbUrl, async (client) => {
    for (let i = 0; i < rounds; i++) {
      // Any statement on meeting bumps the feed version (the triggers of drizzle/0006).
      await client.query(`update meeting set updated_at = now() where slug = 'bench-0'`);
      last = await expect200(url);
      firstAfterChangeMs.push(last.ms);
    }
  });
  const cached: number[] = [];
  for (let i = 0; i < cachedRequests; i++) cached.push((await expect200(url)).ms);
  return { entries: (JSON.parse(last.body) as unknown[]).length, bytes: Buffer.byteLength(last.body), firstAfterChangeMs, cached: latencyStats(cached) };
}

const finderPath = (c: City) => `/api/v1/meetings?lat=${c.lat}&lng=${c.lng}&radiusKm=25&day=2&types=O,D&tz=${encodeURIComponent(c.timeZone)}`;
const finderParams = (c: City) => ({ lat: String(c.lat), lng: String(c.lng), radiusKm: '25', day: '2', types: 'O,D', tz: c.timeZone });

/**
 * The finder near city centres, in turn (so big and small cities both count), one request at a time: over HTTP
 * (latency includes Fastify, the response check and JSON on localhost), then the service alone in this process
 * against the same database, and EXPLAIN ANALYZE of the SQL it sends for the busiest centre.
 */
async function measureFinder(baseUrl: string, dbUrl: string, requests: number): Promise<FinderResults> {
  const order = Array.from({ length: requests }, (_, i) => CITIES[i % CITIES.length]!);
  for (const c of CITIES.slice(0, 50)) await expect200(baseUrl + finderPath(c));
  const http: number[] = [];
  const matched: number[] = [];
  let slowest = { city: '', total: 0, ms: 0 };
  for (const c of order) {
    const r = await expect200(baseUrl + finderPath(c));
    http.push(r.ms);
    const total = (JSON.parse(r.body) as { total: number }).total;
    matched.push(total);
    if (r.ms > slowest.ms) slowest = { city: `${c.name}, ${c.region}`, total, ms: r.ms };
  }

  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  try {
    const find = createFinder({ db: drizzle(pool, { schema }) as Db } as ServiceContext);
    for (const c of CITIES.slice(0, 50)) await find(null, finderQuery.parse(finderParams(c)));
    const inProcess: number[] = [];
    for (const c of order) {
      const started = performance.now();
      await find(null, finderQuery.parse(finderParams(c)));
      inProcess.push(performance.now() - started);
    }
    const busiest = CITIES.reduce((a, b) => (b.populationK > a.populationK ? b : a));
    const plans = await explainCaptured(pool, `finder near ${busiest.name}`, () => find(null, finderQuery.parse(finderParams(busiest))));
    const sortedMatched = [...matched].sort((a, b) => a - b);
    return {
      query: finderPath(CITIES[0]!).replace(/lat=[^&]+&lng=[^&]+/, 'lat=…&lng=…').replace(/tz=[^&]+/, 'tz=<the city’s zone>'),
      http: latencyStats(http),
      inProcess: latencyStats(inProcess),
      matched: { median: sortedMatched[Math.floor(sortedMatched.length / 2)]!, max: sortedMatched.at(-1)! },
      slowest,
      plans,
    };
  } finally {
    await pool.end();
  }
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
const planNodes = (node: PlanNode, out: string[] = []): string[] => {
  if (/Scan|Join|Aggregate|Sort|Limit|Hash/.test(node['Node Type'])) {
    out.push(`${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`);
  }
  for (const child of node.Plans ?? []) planNodes(child, out);
  return out;
};

/** Runs `work` recording the SQL it sends at the pool (named statements bypass drizzle's logger), then EXPLAIN ANALYZEs each statement. */
async function explainCaptured(pool: pg.Pool, route: string, work: () => Promise<unknown>): Promise<QueryPlan[]> {
  const captured: Array<{ sql: string; params: unknown[] }> = [];
  const send = pool.query.bind(pool) as (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
  pool.query = ((config: string | pg.QueryConfig, values?: unknown[]) => {
    // drizzle sends its prepared config and the parameters separately.
    captured.push({ sql: typeof config === 'string' ? config : config.text, params: values ?? (typeof config === 'string' ? [] : config.values) ?? [] });
    // Passed on as given: drizzle asks for rows as arrays in the config.
    return (send as (c: string | pg.QueryConfig, v?: unknown[]) => Promise<pg.QueryResult>)(config, values);
  }) as typeof pool.query;
  try {
    await work();
  } finally {
    pool.query = send as typeof pool.query;
  }
  const { rows: sizes } = await pool.query<{ relname: string; n: string }>('select relname, n_live_tup as n from pg_stat_user_tables');
  const tableRows = new Map(sizes.map((s) => [s.relname, Number(s.n)]));
  const plans: QueryPlan[] = [];
  for (const q of captured) {
    // The second run is the warm steady state the load sees.
    await pool.query(`explain (analyze, buffers, format json) ${q.sql}`, q.params);
    const json = (await pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }> }>(`explain (analyze, buffers, format json) ${q.sql}`, q.params)).rows[0]![
      'QUERY PLAN'
    ][0]!;
    const text = (await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.sql}`, q.params)).rows
      .map((r) => r['QUERY PLAN'])
      .join('\n')
      // Hundreds of ids in an array literal say nothing to a reader.
      .replace(/'\{[^}]{200,}\}'/g, (list) => `'{…${list.split(',').length} values}'`);
    const nodes = planNodes(json.Plan);
    const seqScans = nodes
      .filter((n) => n.startsWith('Seq Scan on '))
      .map((n) => n.slice('Seq Scan on '.length))
      .filter((t) => (tableRows.get(t) ?? 0) > 5000)
      .map((t) => `${t} (${(tableRows.get(t) ?? 0).toLocaleString('en-US')} rows)`);
    plans.push({ route, query: q.sql.replace(/\s+/g, ' ').trim().slice(0, 90), executionMs: json['Execution Time'], planningMs: json['Planning Time'], nodes, seqScans, text });
  }
  return plans;
}

export interface MeetingsSettings {
  /** All meetings for the finder (the issue's 100,000). */
  meetings: number;
  /** Public weekly meetings loaded first, for the feed (the issue's 10,000). */
  feedMeetings: number;
  finderRequests: number;
}

/**
 * The feed is measured first, on its 10,000 public weekly meetings; then the rest of the 100,000 (5% of their
 * groups members-only, 0.5% one-offs) are added and the finder is measured.
 */
export async function measureMeetings(baseUrl: string, dbUrl: string, settings: MeetingsSettings, progress: (line: string) => void): Promise<MeetingsResults> {
  progress(`meetings: loading ${settings.feedMeetings} public weekly meetings for the feed`);
  const feedLoad = await loadMeetings(dbUrl, { from: 0, count: settings.feedMeetings, membersOnlyShare: 0, oneOffShare: 0 });
  progress(`meetings: loaded in ${(feedLoad.loadMs / 1000).toFixed(1)} s; measuring /feeds/meetings.json`);
  const feed = await measureFeed(baseUrl, dbUrl, 5, 300);
  progress(`meetings: feed of ${feed.entries} entries rebuilt in ${feed.firstAfterChangeMs.map((m) => m.toFixed(0)).join(', ')} ms; cached p99 ${feed.cached.p99.toFixed(1)} ms`);

  const more = settings.meetings - settings.feedMeetings;
  progress(`meetings: loading ${more} more meetings around ${CITIES.length} city centres`);
  const fullLoad = await loadMeetings(dbUrl, { from: settings.feedMeetings, count: more, membersOnlyShare: 0.05, oneOffShare: 0.005 });
  progress(`meetings: loaded in ${(fullLoad.loadMs / 1000).toFixed(1)} s; ${settings.finderRequests} finder requests, one at a time`);
  const finder = await measureFinder(baseUrl, dbUrl, settings.finderRequests);
  progress(`meetings: finder p50 ${finder.http.p50.toFixed(1)} ms, p99 ${finder.http.p99.toFixed(1)} ms over HTTP; in process p99 ${finder.inProcess.p99.toFixed(1)} ms`);
  return { feedLoad, fullLoad, feed, finder };
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────────────────────────

const verdict = (ok: boolean) => (ok ? '**PASS**' : '**FAIL**');
const f1 = (ms: number) => ms.toFixed(1);
const statsRow = (label: string, s: LatencyStats, target?: number) =>
  `| ${label} | ${s.n} | ${f1(s.p50)} | ${f1(s.p95)} | ${f1(s.p99)} | ${f1(s.max)} | ${target === undefined ? '' : verdict(s.p99 < target)} |`;

export function meetingsSection(m: MeetingsResults): string[] {
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const firstMedian = median(m.feed.firstAfterChangeMs);
  const seqScans = m.finder.plans.filter((p) => p.seqScans.length > 0);
  return [
    '',
    '## Meetings',
    '',
    `${m.fullLoad.meetings.toLocaleString('en-US')} meetings in ${m.fullLoad.groups.toLocaleString('en-US')} groups around ${CITIES.length} city centres of North America ` +
      `(drawn by population, gaussian jitter growing with the city), ${(100 - (m.fullLoad.withCoordinates * 100) / m.fullLoad.meetings).toFixed(0)}% online without coordinates, ` +
      `zones of their city; inserted with generate_series inside PostgreSQL (${(m.feedLoad.loadMs / 1000).toFixed(1)} s for the first ${m.feedLoad.meetings.toLocaleString('en-US')}, ` +
      `${(m.fullLoad.loadMs / 1000).toFixed(1)} s for the rest, then VACUUM ANALYZE and CHECKPOINT).`,
    '',
    '### Meeting Guide feed',
    '',
    `\`GET /feeds/meetings.json\` with ${m.feedLoad.publicMeetings.toLocaleString('en-US')} public weekly meetings (measured before the rest were added): ` +
      `${m.feed.entries.toLocaleString('en-US')} entries, ${(m.feed.bytes / 1024 / 1024).toFixed(1)} MB.`,
    '',
    `First request after a change (a meeting updated, so the feed is rebuilt), to the last byte: ${m.feed.firstAfterChangeMs.map((v) => `${v.toFixed(0)} ms`).join(', ')}; ` +
      `median **${firstMedian.toFixed(0)} ms**: ${verdict(firstMedian < MEETINGS_TARGETS.feedGenerationMs)} (target < ${MEETINGS_TARGETS.feedGenerationMs} ms).`,
    '',
    '| Requests | n | p50 ms | p95 ms | p99 ms | max ms | |',
    '|---|---:|---:|---:|---:|---:|---|',
    statsRow('cached feed, one at a time', m.feed.cached),
    '',
    '### Finder',
    '',
    `\`GET ${m.finder.query}\`, signed out, one request at a time near each city centre in turn; matched meetings per request: ` +
      `median ${m.finder.matched.median}, max ${m.finder.matched.max}. Over HTTP the time runs from sending to the last byte on localhost; ` +
      '"in process" is the finder service called in the harness against the same database (no HTTP, no response check, no JSON).',
    '',
    '| Requests | n | p50 ms | p95 ms | p99 ms | max ms | p99 < 20 ms |',
    '|---|---:|---:|---:|---:|---:|---|',
    statsRow('finder over HTTP', m.finder.http, MEETINGS_TARGETS.finderP99Ms),
    statsRow('finder service in process', m.finder.inProcess, MEETINGS_TARGETS.finderP99Ms),
    '',
    `Slowest request: near ${m.finder.slowest.city} (${m.finder.slowest.total} matched), ${f1(m.finder.slowest.ms)} ms.`,
    '',
    '| Route | Statement | execution ms | planning ms | plan |',
    '|---|---|---:|---:|---|',
    ...m.finder.plans.map((p) => `| ${p.route} | \`${p.query.replace(/\|/g, '\\|')}…\` | ${p.executionMs.toFixed(3)} | ${p.planningMs.toFixed(3)} | ${p.nodes.join(' → ')} |`),
    '',
    ...(seqScans.length === 0 ? ['No sequential scan on a large table.'] : seqScans.map((p) => `**Sequential scan** in the finder: ${p.seqScans.join(', ')}.`)),
    '',
    '<details><summary>Plans</summary>',
    '',
    ...m.finder.plans.flatMap((p) => ['```', p.text, '```', '']),
    '</details>',
  ];
}

/**
 * The body of every generated validate_doc_update function, after its `RULES` (see validate-function.ts). It runs in
 * CouchDB's JavaScript engine (or express-pouchdb's `vm`), so it is plain ES5 that closes over nothing: no `let`, no
 * arrow functions, no template literals, nothing of Node. It throws `{forbidden: '<sentence naming the field>'}`, which
 * CouchDB answers with 403 and the sentence as the reason.
 *
 * Order: design documents pass (CouchDB lets only database admins write them); authorship is checked for every write,
 * deletions included; a deletion then passes without the schema (a tombstone keeps whatever body it was sent with);
 * anything else must fit the schema, `_id` standing for the primary key.
 *
 * The string and format checks mirror Ajv (which the client validates with): lengths count code points, not UTF-16
 * units; `date` and `date-time` are ajv-formats' full formats with a time zone required.
 */
export const VALIDATE_RUNTIME = String.raw`
  var SERVER_FIELDS = { _id: true, _rev: true, _deleted: true, _attachments: true, _revisions: true, author: true };
  var TYPE_WORDS = { string: 'text', number: 'a number', integer: 'a whole number', 'boolean': 'true or false',
    'null': 'null', array: 'a list', object: 'an object' };

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function refuse(message) { throw ({ forbidden: message }); }
  function field(path) { return "The field '" + path + "'"; }
  function join(path, key) { return path === '' ? key : path + '.' + key; }
  function plural(count, word) { return count + ' ' + word + (count === 1 ? '' : 's'); }

  function typeOf(value) {
    if (value === null) return 'null';
    if (Object.prototype.toString.call(value) === '[object Array]') return 'array';
    return typeof value;
  }
  function isType(value, type) {
    if (type === 'integer') return typeof value === 'number' && isFinite(value) && Math.floor(value) === value;
    if (type === 'number') return typeof value === 'number' && isFinite(value);
    return typeOf(value) === type;
  }
  function codePoints(text) {
    var count = 0, position = 0, code;
    while (position < text.length) {
      count++;
      code = text.charCodeAt(position++);
      if (code >= 0xD800 && code <= 0xDBFF && position < text.length) {
        code = text.charCodeAt(position);
        if ((code & 0xFC00) === 0xDC00) position++;
      }
    }
    return count;
  }
  function same(a, b) {
    var key, i;
    if (a === b) return true;
    if (typeOf(a) !== typeOf(b) || typeof a !== 'object' || a === null) return false;
    if (typeOf(a) === 'array') {
      if (a.length !== b.length) return false;
      for (i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
      return true;
    }
    for (key in a) if (has(a, key) && (!has(b, key) || !same(a[key], b[key]))) return false;
    for (key in b) if (has(b, key) && !has(a, key)) return false;
    return true;
  }
  function isDate(text) {
    var match = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(text);
    if (!match) return false;
    var year = +match[1], month = +match[2], day = +match[3];
    var leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    var days = [0, 31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return month >= 1 && month <= 12 && day >= 1 && day <= days[month];
  }
  function isTime(text) {
    var match = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i.exec(text);
    if (!match) return false;
    var hour = +match[1], minute = +match[2], second = +match[3], zone = match[4];
    var sign = match[5] === '-' ? -1 : 1, zoneHour = +(match[6] || 0), zoneMinute = +(match[7] || 0);
    if (zoneHour > 23 || zoneMinute > 59 || !zone) return false;
    if (hour <= 23 && minute <= 59 && second < 60) return true;
    var utcMinute = minute - zoneMinute * sign;
    var utcHour = hour - zoneHour * sign - (utcMinute < 0 ? 1 : 0);
    return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
  }
  function isDateTime(text) {
    var parts = text.split(/t|\s/i);
    return parts.length === 2 && isDate(parts[0]) && isTime(parts[1]);
  }

  function checkValue(value, spec, path) {
    var i, words;
    if (spec.type) {
      var typed = false;
      for (i = 0; i < spec.type.length; i++) if (isType(value, spec.type[i])) typed = true;
      if (!typed) {
        words = [];
        for (i = 0; i < spec.type.length; i++) words.push(TYPE_WORDS[spec.type[i]]);
        refuse(field(path) + ' must be ' + words.join(' or ') + '.');
      }
    }
    if (spec['enum']) {
      var listed = false;
      for (i = 0; i < spec['enum'].length; i++) if (same(value, spec['enum'][i])) listed = true;
      if (!listed) refuse(field(path) + ' must be one of: ' + spec['enum'].join(', ') + '.');
    }
    if (typeof value === 'string') checkText(value, spec, path);
    if (typeof value === 'number') checkNumber(value, spec, path);
    if (typeOf(value) === 'array') checkList(value, spec, path);
    if (typeOf(value) === 'object') checkObject(value, spec, path, null);
  }
  function checkText(value, spec, path) {
    if (spec.maxLength !== undefined && codePoints(value) > spec.maxLength) {
      refuse(field(path) + ' must be at most ' + plural(spec.maxLength, 'character') + ' long.');
    }
    if (spec.minLength !== undefined && codePoints(value) < spec.minLength) {
      refuse(field(path) + ' must be at least ' + plural(spec.minLength, 'character') + ' long.');
    }
    if (spec.pattern !== undefined && !new RegExp(spec.pattern).test(value)) {
      refuse(field(path) + ' must match the pattern ' + spec.pattern + '.');
    }
    if (spec.format === 'date' && !isDate(value)) refuse(field(path) + ' must be a date written YYYY-MM-DD.');
    if (spec.format === 'date-time' && !isDateTime(value)) {
      refuse(field(path) + ' must be a date and time with its time zone, e.g. 2026-11-28T09:00:00Z.');
    }
  }
  function checkNumber(value, spec, path) {
    if (spec.minimum !== undefined && value < spec.minimum) refuse(field(path) + ' must be at least ' + spec.minimum + '.');
    if (spec.maximum !== undefined && value > spec.maximum) refuse(field(path) + ' must be at most ' + spec.maximum + '.');
    if (spec.multipleOf !== undefined && (value / spec.multipleOf) % 1 !== 0) {
      refuse(field(path) + ' must be a multiple of ' + spec.multipleOf + '.');
    }
  }
  function checkList(value, spec, path) {
    var i, j;
    if (spec.maxItems !== undefined && value.length > spec.maxItems) {
      refuse(field(path) + ' must have at most ' + plural(spec.maxItems, 'item') + '.');
    }
    if (spec.minItems !== undefined && value.length < spec.minItems) {
      refuse(field(path) + ' must have at least ' + plural(spec.minItems, 'item') + '.');
    }
    if (spec.uniqueItems) {
      for (i = 0; i < value.length; i++) {
        for (j = i + 1; j < value.length; j++) {
          if (same(value[i], value[j])) refuse(field(path) + ' must not hold the same item twice (items ' + i + ' and ' + j + ').');
        }
      }
    }
    if (spec.items) for (i = 0; i < value.length; i++) checkValue(value[i], spec.items, path + '[' + i + ']');
  }
  function checkObject(value, spec, path, alsoAllowed) {
    var i, key, properties = spec.properties || {};
    if (spec.required) {
      for (i = 0; i < spec.required.length; i++) {
        if (!has(value, spec.required[i])) refuse(field(join(path, spec.required[i])) + ' is missing.');
      }
    }
    if (spec.additionalProperties === false) {
      for (key in value) {
        if (has(value, key) && !has(properties, key) && !(alsoAllowed && has(alsoAllowed, key))) {
          refuse(field(join(path, key)) + ' is not allowed here.');
        }
      }
    }
    for (key in properties) if (has(properties, key) && has(value, key)) checkValue(value[key], properties[key], join(path, key));
  }

  function checkChunks(doc) {
    var expected = Math.ceil(doc.size / doc.chunkSize), attachments = doc._attachments || {}, name, match;
    if (doc.chunkCount !== expected) {
      refuse("The field 'chunkCount' must be " + expected + ' for ' + plural(doc.size, 'byte') + ' in chunks of ' +
        plural(doc.chunkSize, 'byte') + '.');
    }
    for (name in attachments) {
      if (!has(attachments, name)) continue;
      match = /^c(\d{6})$/.exec(name);
      if (!match) refuse("The attachment '" + name + "' is not allowed: chunks are named c000000, c000001 and so on.");
      if (+match[1] >= doc.chunkCount) {
        refuse("The attachment '" + name + "' is past the last chunk: the file has " + plural(doc.chunkCount, 'chunk') + '.');
      }
      if (typeof attachments[name].length === 'number' && attachments[name].length > doc.chunkSize) {
        refuse("The attachment '" + name + "' is longer than the file's chunk size (" + plural(doc.chunkSize, 'byte') + ').');
      }
    }
  }

  function isIn(section, user, roles) {
    var i;
    if (!section) return false;
    if (user !== null && section.names && section.names.indexOf(user) !== -1) return true;
    for (i = 0; section.roles && i < section.roles.length; i++) if (roles.indexOf(section.roles[i]) !== -1) return true;
    return false;
  }
  function checkAuthor(doc, user, privileged) {
    if (!has(doc, 'author') || doc.author === undefined) {
      refuse("The field 'author' is missing: every record names the user who created it.");
    }
    if (typeof doc.author !== 'string' || doc.author === '' || codePoints(doc.author) > 256) {
      refuse("The field 'author' must be a user name.");
    }
    if (!privileged && doc.author !== user) refuse("The field 'author' must be your own user name (" + user + ').');
  }
  function checkAuthorship(user, roles) {
    var privileged = roles.indexOf('_admin') !== -1 || roles.indexOf(RULES.secretariatRole) !== -1 ||
      isIn(secObj && secObj.admins, user, roles);
    var deleting = newDoc._deleted === true;
    var owner = oldDoc && typeof oldDoc.author === 'string' ? oldDoc.author : null;
    if (!privileged && user === null) refuse('Only a signed-in user may write to this database.');
    if (owner !== null) {
      // Anyone may help finish (or restart) a file upload: its chunks are checked against the file's hash on use.
      var openUpload = RULES.files && oldDoc.complete === false && !oldDoc._deleted;
      if (!privileged && user !== owner && !openUpload) {
        refuse('Only the author of this record (' + owner + ') or the secretariat may change or delete it.');
      }
      if (!deleting && !has(newDoc, 'author')) refuse("The field 'author' is missing: every record names the user who created it.");
      if (has(newDoc, 'author') && newDoc.author !== owner) {
        refuse("The field 'author' cannot change: the author of this record is " + owner + '.');
      }
      return;
    }
    if (oldDoc && !oldDoc._deleted) {
      if (!privileged) refuse('Only the secretariat may change this record: it names no author.');
      if (!deleting) checkAuthor(newDoc, user, privileged);
      return;
    }
    // A new record, or one written over a deletion that named no author.
    if (!deleting || has(newDoc, 'author')) checkAuthor(newDoc, user, privileged);
  }

  if (typeof newDoc._id === 'string' && newDoc._id.indexOf('_design/') === 0) return;
  checkAuthorship(userCtx && typeof userCtx.name === 'string' ? userCtx.name : null, (userCtx && userCtx.roles) || []);
  if (newDoc._deleted === true) return;
  checkValue(newDoc._id, RULES.id, '_id');
  checkObject(newDoc, RULES.fields, '', SERVER_FIELDS);
  if (RULES.files) checkChunks(newDoc);
`;

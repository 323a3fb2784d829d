/**
 * Many nodes: the relay through Redis pub/sub that shares channel groups, presence and live
 * invalidation between the nodes of one application. Loaded only when {@code mizan.channels.redis.uri}
 * is set, so that an application on one node opens no connection and starts no thread.
 */
package io.mizan.cluster;
